# Monthly cost of N clinics from per-clinic-day figures (see capacity-notes.md). 30-day month.
OPEN = 1259/1547            # share of calendar clinic-days that are open (demo generator)
per_open = dict(
    worker_req = 283 + 3284 + 600 + 40,
)
day = dict(
    worker_req = per_open['worker_req'] * OPEN,          # 3,425
    cpu_ms_per_req = 2.0,
    do_req = 7010 * OPEN,                                  # 5,706
    do_rows_written = 4200,
    do_rows_read = 3000,
    do_gbs = 67,
    do_storage_gb = 0.001,   # per clinic, held
    queue_msgs = 1.34,
    libsql_written = 2650,
    libsql_read = 40000,
    libsql_gb = 0.011,
)
SERVICE_QUEUE_MSGS = 580          # per day, whatever the clinic count
def service_do_gbs(n):            # LibsqlWriter x2, Metrics x1, SessionDirectory x8 awake; monthly
    # Idle objects without sockets or pending work are not billed (DO pricing page); their busy time is in do_gbs.
    return 0.0
def over(x, inc, price_per, unit):
    return max(0.0, x - inc) / unit * price_per
def turso(n, w, r, gb):
    plans = [('Developer', 5.99, 2.5e9, 1.0, 25e6, 1.0, 9, 0.75),
             ('Scaler', 29, 100e9, 0.80, 100e6, 0.80, 24, 0.50),
             ('Pro', 499, 250e9, 0.75, 250e6, 0.75, 50, 0.45)]
    best = None
    for name, base, ri, rp, wi, wp, si, sp in plans:
        cost = base + over(r, ri, rp, 1e9) + over(w, wi, wp, 1e6) + over(gb, si, sp, 1)
        parts = (base, over(r, ri, rp, 1e9), over(w, wi, wp, 1e6), over(gb, si, sp, 1))
        if best is None or cost < best[1]: best = (name, cost, parts)
    return best
import sys
if len(sys.argv) > 1 and sys.argv[1] == 'no-ticket-polling':
    day['worker_req'] = (283 + 24 + 600 + 40) * OPEN; day['do_req'] = (7010 - 3284 + 24 - 0.25*3284) * OPEN
for n in (100, 1000, 10000):
    m = 30 * n
    req = day['worker_req'] * m
    cpu = req * day['cpu_ms_per_req']
    doreq = day['do_req'] * m
    dow = day['do_rows_written'] * m
    dor = day['do_rows_read'] * m
    gbs = day['do_gbs'] * m + service_do_gbs(n)
    dogb = day['do_storage_gb'] * n
    qops = 3 * (day['queue_msgs'] * m + SERVICE_QUEUE_MSGS * 30)
    lw = day['libsql_written'] * m; lr = day['libsql_read'] * m; lgb = day['libsql_gb'] * n
    lines = {
      'Workers Paid subscription': 5.0,
      'Worker requests': over(req, 10e6, 0.30, 1e6),
      'Worker CPU time': over(cpu, 30e6, 0.02, 1e6),
      'DO requests': over(doreq, 1e6, 0.15, 1e6),
      'DO duration': over(gbs, 400e3, 12.50, 1e6),
      'DO rows written': over(dow, 50e6, 1.00, 1e6),
      'DO rows read': over(dor, 25e9, 0.001, 1e6),
      'DO stored data': over(dogb, 5, 0.20, 1),
      'Queues operations': over(qops, 1e6, 0.40, 1e6),
    }
    t = turso(n, lw, lr, lgb)
    lines[f'Turso {t[0]}'] = t[1]
    total = sum(lines.values())
    print(f'--- {n} clinics: req {req/1e6:.1f}M cpu {cpu/1e6:.0f}M ms, DO req {doreq/1e6:.1f}M, GB-s {gbs/1e6:.2f}M, DO rows w {dow/1e6:.0f}M r {dor/1e9:.2f}B, DO GB {dogb:.1f}, queue ops {qops/1e6:.2f}M, libsql w {lw/1e6:.1f}M r {lr/1e9:.2f}B {lgb:.0f} GB; turso parts {tuple(round(p,2) for p in t[2])}')
    for k, v in lines.items(): print(f'  {k:28s} {v:9.2f}')
    print(f'  TOTAL {total:.2f} USD/month, per clinic {total/n:.3f} USD')
