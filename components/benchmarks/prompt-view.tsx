type Message = { role: string; content: string };
type Choice = { letter: string; text: string; correct: boolean };

/** The messages exactly as a model receives them: role, then the text with whitespace kept, never as HTML. */
export function PromptView({ messages, choices }: { messages: Message[]; choices?: Choice[] }) {
  return (
    <div className="space-y-3">
      <ol className="space-y-2">
        {messages.map((m, i) => (
          // Messages have no id; their order is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: static list in prompt order
          <li key={i} className="rounded-md border border-gray-200 dark:border-gray-800">
            <p className="border-b border-gray-200 bg-gray-50 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-gray-700 dark:border-gray-800 dark:bg-gray-800 dark:text-gray-300">
              {m.role}
            </p>
            <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words px-3 py-2 font-mono text-sm text-gray-900 dark:text-gray-100">
              {m.content}
            </pre>
          </li>
        ))}
      </ol>
      {choices?.length ? <ChoiceList choices={choices} /> : null}
    </div>
  );
}

export function ChoiceList({ choices }: { choices: Choice[] }) {
  return (
    <ul aria-label="Choices" className="space-y-1 text-sm">
      {choices.map((c) => (
        <li key={c.letter} className="flex gap-2">
          <span className="font-mono font-semibold">{c.letter}.</span>
          <span className="whitespace-pre-wrap break-words">{c.text}</span>
          {c.correct ? <span className="font-medium text-green-800 dark:text-green-300">(correct)</span> : null}
        </li>
      ))}
    </ul>
  );
}
