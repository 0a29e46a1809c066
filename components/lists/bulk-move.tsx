// The "move to office" part of a bulk toolbar: the office choice and its button (bulk=move).
export function BulkMove(props: { offices: { code: string; label: string }[]; labels: { moveTo: string; move: string; choose: string; reason: string } }) {
  return (
    <>
      <div>
        <label htmlFor="bulk-office" className="label">
          {props.labels.moveTo}
        </label>
        <select id="bulk-office" name="officeCode" className="input" defaultValue="">
          <option value="">{props.labels.choose}</option>
          {props.offices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="bulk-reason" className="label">
          {props.labels.reason}
        </label>
        <input id="bulk-reason" name="reason" className="input" maxLength={500} />
      </div>
      <button type="submit" name="bulk" value="move" className="btn-secondary">
        {props.labels.move}
      </button>
    </>
  );
}
