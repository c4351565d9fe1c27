// Usage against the plan's limits as bars (people read a bar faster than "3 of 5"), each a meter
// with its numbers for screen readers; amber from 80 %, red at the limit.
import { formatBytes } from '@/lib/files/format-bytes';
import type { UsageMeter } from '@/lib/workspaces/workspace-usage';

const shown = (meter: UsageMeter, value: number) =>
  meter.unit === 'bytes' ? formatBytes(value) : new Intl.NumberFormat('en').format(value);

export function UsageMeters({ meters, planName }: { meters: UsageMeter[]; planName: string }) {
  return (
    <section aria-labelledby="usage-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="usage-heading" className="text-sm font-semibold text-slate-600">
        Usage on the {planName} plan
      </h2>
      <ul className="mt-4 space-y-4">
        {meters.map((meter) => {
          const share = meter.limit > 0 ? Math.min(1, meter.used / meter.limit) : 1;
          const tone = share >= 1 ? 'bg-red-600' : share >= 0.8 ? 'bg-amber-500' : 'bg-emerald-600';
          return (
            <li key={meter.label} data-testid="usage-meter" data-label={meter.label}>
              <div className="flex justify-between text-sm">
                <span>{meter.label}</span>
                <span className="tabular-nums text-slate-600">
                  {shown(meter, meter.used)} of {shown(meter, meter.limit)}
                </span>
              </div>
              {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot take the palette's colours without vendor pseudo-elements; the ARIA meter says the same */}
              <div
                role="meter"
                aria-label={meter.label}
                aria-valuemin={0}
                aria-valuemax={meter.limit}
                aria-valuenow={Math.min(meter.used, meter.limit)}
                aria-valuetext={`${shown(meter, meter.used)} of ${shown(meter, meter.limit)}`}
                className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200"
              >
                <div className={`h-full ${tone}`} style={{ width: `${Math.round(share * 100)}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
