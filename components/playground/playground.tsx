"use client";

import { useState } from "react";
import { TASK_TYPES, type TaskType } from "@/lib/benchmarks/task";
import { defaultStage } from "@/lib/prompts/defaults";
import type { Stage } from "@/lib/prompts/types";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { VariableList } from "@/components/prompts/variable-list";
import { EXAMPLES, STAGE_OPTIONS } from "./examples";
import { PlaygroundOutput } from "./playground-output";
import { useTestExpression } from "./use-test-expression";

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function Playground({ projectKey }: { projectKey: string }) {
  const [stage, setStage] = useState<Stage>("grading");
  const [type, setType] = useState<TaskType>("FRQ");
  const [source, setSource] = useState(defaultStage("grading", "FRQ"));
  const [taskText, setTaskText] = useState(json(EXAMPLES.FRQ.task));
  const [response, setResponse] = useState(EXAMPLES.FRQ.response);
  const [taskError, setTaskError] = useState<string>();
  const mutation = useTestExpression(projectKey);
  const usesResponse = stage === "parsing" || stage === "grading";

  const pick = (nextStage: Stage, nextType: TaskType) => {
    setSource(defaultStage(nextStage, nextType));
    if (nextType !== type) {
      setTaskText(json(EXAMPLES[nextType].task));
      setResponse(EXAMPLES[nextType].response);
      setTaskError(undefined);
    }
    setStage(nextStage);
    setType(nextType);
    mutation.reset();
  };

  const evaluate = () => {
    let task: unknown;
    try {
      task = JSON.parse(taskText);
    } catch (e) {
      setTaskError(`Not valid JSON: ${(e as Error).message}`);
      return;
    }
    setTaskError(undefined);
    mutation.mutate({ stage, source, task, response: usesResponse ? response : undefined });
  };

  return (
    <form
      className="grid gap-6 lg:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        evaluate();
      }}
    >
      <div className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Stage" value={stage} options={STAGE_OPTIONS} onChange={(e) => pick(e.target.value as Stage, type)} />
          <SelectField
            label="Example task type"
            value={type}
            options={TASK_TYPES.map((t) => ({ value: t, label: t }))}
            onChange={(e) => pick(stage, e.target.value as TaskType)}
            hint="Loads a sample task and the default source for this type."
          />
        </div>
        <TextAreaField
          label="Source"
          rows={6}
          className="font-mono"
          spellCheck={false}
          value={source}
          onChange={(e) => {
            setSource(e.target.value);
            mutation.reset();
          }}
          maxLength={20000}
          error={mutation.data && !mutation.data.ok ? "See the error below" : undefined}
          hint={<VariableList stage={stage} />}
        />
        {usesResponse ? (
          <TextAreaField label="Model response" rows={3} value={response} onChange={(e) => setResponse(e.target.value)} />
        ) : null}
        <TextAreaField
          label="Sample task (JSON)"
          rows={10}
          className="font-mono"
          spellCheck={false}
          value={taskText}
          onChange={(e) => {
            setTaskText(e.target.value);
            setTaskError(undefined);
          }}
          error={taskError}
        />
        <Button type="submit" pending={mutation.isPending}>
          Evaluate
        </Button>
      </div>
      <PlaygroundOutput source={source} result={mutation.data} failed={mutation.isError} />
    </form>
  );
}
