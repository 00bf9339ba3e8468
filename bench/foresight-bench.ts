/**
 * Proof of issue 17 (`npm run bench -- --only foresight`): the day forecast against the seasonal
 * naive one (bench/forecast-bench.ts) and the walk-out risk against the base rate
 * (bench/walk-out-bench.ts), both on a year of the demo generator's days, each day predicted from
 * earlier days only. Pure and in-process: no stack, no database. Targets: hourly forecast MAE ≤ 0.85
 * × naive, hourly range coverage 75–85 %, walk-out Brier below the base rate's.
 */
import { benchForecast, type ForecastBenchOptions } from './forecast-bench.ts';
import { benchWalkOut } from './walk-out-bench.ts';

export function benchForesight(options: ForecastBenchOptions, say: (line: string) => void) {
  say(`foresight: forecasts of ${options.clinics} clinics × ${options.days} days (seed ${options.seed})…`);
  const forecast = benchForecast(options);
  say(`foresight: walk-out risk of the same days…`);
  const walkOut = benchWalkOut(options);
  return {
    forecast,
    walkOut,
    targets: {
      forecastHourlyRatio: { atMost: 0.85, value: forecast.plain.all.hourlyMae.ratio },
      forecastHourlyCoverage: { between: [0.75, 0.85], value: forecast.plain.all.hourlyCoverage },
      walkOutBrierRatio: { below: 1, value: walkOut.all.ratio },
      met: forecast.targets.met && walkOut.target.met,
    },
  };
}
