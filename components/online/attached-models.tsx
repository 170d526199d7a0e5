"use client";

import { useState } from "react";
import { attachModelAction, detachModelAction, updateAttachedModelAction } from "@/lib/actions/use-cases";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-action";
import type { AttachedModel } from "@/lib/services/use-cases/read";

type Props = {
  projectKey: string;
  useCaseKey: string;
  attached: AttachedModel[];
  available: { id: string; key: string; name: string }[];
  canManage: boolean;
};

/** The use case's models: default, online switch and fallback order; admins attach and detach. */
export function AttachedModels({ projectKey, useCaseKey, attached, available, canManage }: Props) {
  const candidates = available.filter((m) => !attached.some((a) => a.model_id === m.id));
  const [modelId, setModelId] = useState("");
  const attach = useAction(
    (id: string) => attachModelAction(projectKey, { key: useCaseKey, model_id: id, online: true }),
    () => setModelId(""),
  );
  const update = useAction((input: { model_id: string; is_default?: true; online?: boolean }) =>
    updateAttachedModelAction(projectKey, { key: useCaseKey, ...input }),
  );
  const detach = useAction((id: string) => detachModelAction(projectKey, { key: useCaseKey, model_id: id }));
  const message = attach.failure.message ?? update.failure.message ?? detach.failure.message;
  const selected = modelId || candidates[0]?.id || "";
  return (
    <div className="space-y-4">
      {attached.length ? (
        <Table caption="Attached models">
          <thead>
            <tr>
              <Th>Model</Th>
              <Th>Status</Th>
              <Th>Fallback</Th>
              {canManage ? <Th>Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {attached.map((m) => (
              <Tr key={m.model_id}>
                <Td>
                  <div className="font-medium">{m.name}</div>
                  <div className="font-mono text-xs text-gray-700 dark:text-gray-300">{m.key}</div>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {m.is_default ? <Badge tone="blue">default</Badge> : null}
                    <Badge tone={m.online ? "green" : "gray"}>{m.online ? "online" : "offline"}</Badge>
                    {m.endpoint_type === "simulated" ? <Badge tone="purple">simulated</Badge> : null}
                  </div>
                </Td>
                <Td>{m.fallback_order ?? "—"}</Td>
                {canManage ? (
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      {m.is_default ? null : (
                        <Button size="sm" variant="secondary" onClick={() => update.run({ model_id: m.model_id, is_default: true })}>
                          Make default<span className="sr-only"> {m.key}</span>
                        </Button>
                      )}
                      {m.is_default ? null : (
                        <Button size="sm" variant="secondary" onClick={() => update.run({ model_id: m.model_id, online: !m.online })}>
                          {m.online ? "Take offline" : "Bring online"}
                          <span className="sr-only"> {m.key}</span>
                        </Button>
                      )}
                      <Button size="sm" variant="ghost" onClick={() => detach.run(m.model_id)}>
                        Detach<span className="sr-only"> {m.key}</span>
                      </Button>
                    </div>
                  </Td>
                ) : null}
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-gray-700 dark:text-gray-300">No models attached yet: the gateway cannot answer for this use case.</p>
      )}
      {canManage && candidates.length ? (
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label="Attach a model"
          onSubmit={(e) => {
            e.preventDefault();
            if (selected) attach.run(selected);
          }}
        >
          <SelectField
            label="Model to attach"
            className="min-w-64"
            value={selected}
            onChange={(e) => setModelId(e.target.value)}
            options={candidates.map((m) => ({ value: m.id, label: `${m.name} (${m.key})` }))}
          />
          <Button type="submit" pending={attach.pending}>
            Attach
          </Button>
        </form>
      ) : null}
      <FormMessage message={message} />
    </div>
  );
}
