const SHORTCUTS: Array<[string[], string]> = [
  [['j'], 'Next conversation'],
  [['k'], 'Previous conversation'],
  [['r'], 'Reply (focus the composer)'],
  [['c'], 'Pick a canned reply'],
  [['Ctrl', 'Enter'], 'Send the reply (or DM)'],
  [['n'], 'Add a shared note'],
  [['t'], 'Tag the conversation'],
  [['m'], 'Move to DM'],
  [['e'], 'Resolve (asks for a public follow-up after a move to DM)'],
  [['s'], 'Snooze'],
  [['x'], 'Transfer'],
  [['Esc'], 'Leave the composer / close this help'],
  [['?'], 'Show or hide this help'],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what}>
              <dt>
                {keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
