import type { WeeklySlotInput } from '../graphql/generated';
import { DAY_NAMES } from '../supervisor/report-range';

/** Weekly slots (ISO weekday, local HH:MM); an end at or before the start crosses midnight. */
export function WeeklySlotsEditor(props: {
  slots: readonly WeeklySlotInput[];
  onChange: (slots: WeeklySlotInput[]) => void;
  testId: string;
  addLabel: string;
}) {
  const { slots, onChange } = props;
  const edit = (i: number, patch: Partial<WeeklySlotInput>) =>
    onChange(slots.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      <table className="table" data-testid={props.testId}>
        <thead>
          <tr>
            <th>Day</th>
            <th>Start</th>
            <th>End</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {slots.map((s, i) => (
            <tr key={i}>
              <td>
                <select
                  aria-label="Day"
                  value={s.day}
                  onChange={(e) => edit(i, { day: Number(e.target.value) })}
                >
                  {DAY_NAMES.map((d, j) => (
                    <option key={d} value={j + 1}>
                      {d}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label="Start"
                  type="time"
                  value={s.start}
                  onChange={(e) => edit(i, { start: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label="End"
                  type="time"
                  value={s.end}
                  onChange={(e) => edit(i, { end: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => onChange(slots.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button
          type="button"
          className="ghost"
          onClick={() => onChange([...slots, { day: nextDay(slots), start: '09:00', end: '17:00' }])}
        >
          {props.addLabel}
        </button>
      </div>
    </>
  );
}

/** Adding slots one after another fills Monday to Sunday rather than seven Mondays. */
function nextDay(slots: readonly WeeklySlotInput[]): number {
  const last = slots[slots.length - 1];
  return last ? (last.day % 7) + 1 : 1;
}
