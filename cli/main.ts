import { Command, InvalidArgumentError, Option } from "commander";
import { type Api, CliError, createApi } from "./api";
import { listBenchmarks, listModels } from "./commands/catalog";
import { login } from "./commands/login";
import { runCommand } from "./commands/run";
import { compareRuns, exportRun, listRuns, showRun } from "./commands/runs";
import { uploadBenchmark } from "./commands/upload";
import { resolveCredentials } from "./config";

const number = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError("not a number");
  return n;
};
const integer = (value: string) => {
  const n = number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("not an integer");
  return n;
};

const program = new Command("yardstick")
  .description("Evaluate AI models on a Yardstick server from scripts and CI")
  .option("--url <url>", "server URL (default: YARDSTICK_URL, then the stored login)")
  .option("--token <token>", "project API token (default: YARDSTICK_TOKEN, then the stored login)")
  .option("--json", "machine-readable output", false)
  .showHelpAfterError();

type Globals = { url?: string; token?: string; json: boolean };
const globals = () => program.opts<Globals>();

function api(): Api {
  const { url, token } = resolveCredentials(globals());
  if (!url) throw new CliError("No server URL: pass --url, set YARDSTICK_URL, or run yardstick login");
  if (!token) throw new CliError("No API token: pass --token, set YARDSTICK_TOKEN, or run yardstick login");
  return createApi(url, token);
}

let exitCode = 0;
const action =
  <A extends unknown[]>(run: (...args: A) => Promise<unknown>) =>
  async (...args: A) => {
    const code = await run(...args);
    exitCode = typeof code === "number" ? code : 0;
  };

program
  .command("login")
  .description("store the server URL and a token (given, or exchanged for a username and password)")
  .option("--username <login>")
  .option("--password <password>")
  .option("--project <key>", "project for the new token (with --username)")
  .action(
    action((o: { username?: string; password?: string; project?: string }) =>
      login({ ...resolveCredentials(globals()), ...o, token: globals().token }),
    ),
  );

program
  .command("models")
  .command("list")
  .description("models the project can use")
  .action(action(() => listModels(api(), globals().json)));

const benchmarks = program.command("benchmarks").description("list and upload benchmarks");
benchmarks.command("list").action(action(() => listBenchmarks(api(), globals().json)));
benchmarks
  .command("upload <file>")
  .description("upload a JSONL, JSON or CSV file (optionally gzipped) with a progress bar")
  .option("--key <key>", "key of the new benchmark")
  .option("--name <name>")
  .option("--benchmark <id-or-key>", "upload a new version of this benchmark instead")
  .option("--dry-run", "validate only", false)
  .addOption(new Option("--format <format>").choices(["jsonl", "json", "csv"]))
  .addOption(
    new Option("--purpose <purpose>", "Llama Stack dataset purpose").choices([
      "eval/question-answer",
      "eval/messages-answer",
      "post-training/messages",
    ]),
  )
  .option("--field-mapping <json>", 'e.g. \'{"input_field":"q","truth_field":"a"}\'')
  .option("--csv-mapping <json>", "CSV column mapping (JSON)")
  .action(action((file: string, o) => uploadBenchmark(api(), file, { ...o, json: globals().json })));

program
  .command("run")
  .description("run a model on a benchmark, wait, print the score with its interval, and gate CI")
  .requiredOption("--model <id-or-key>")
  .requiredOption("--benchmark <id-or-key>")
  .option("--version <n>", "benchmark version (default: latest)", integer)
  .option("--config <file>", "run config as JSON (the config of POST /api/v1/runs); flags override it")
  .option("--temperature <t>", "sampling temperature", number)
  .option("--max-tokens <n>", "", integer)
  .option("--num-examples <n>", "a seeded sample of tasks", integer)
  .option("--seed <n>", "", integer)
  .option("--samples-per-task <n>", "", integer)
  .option("--concurrency <n>", "", integer)
  .option("--no-wait", "start the run and exit")
  .option("--fail-under <score>", "exit 1 when the score is below this", number)
  .option("--fail-under-lower <score>", "exit 1 when the 95% interval's lower bound is below this", number)
  .option("--fail-on-regression", "exit 1 only when the paired test finds this run significantly worse than the baseline", false)
  .option("--baseline <run-id|latest>", "baseline for --fail-on-regression", "latest")
  .option("--alpha <p>", "significance level for --fail-on-regression", number, 0.05)
  .action(action((o) => runCommand(api(), { ...o, json: globals().json })));

const runs = program.command("runs").description("list, show and export runs");
runs
  .command("list")
  .addOption(new Option("--status <status>").choices(["scheduled", "in_progress", "completed", "failed", "cancelled"]))
  .action(action((o: { status?: string }) => listRuns(api(), { ...o, json: globals().json })));
runs.command("show <id>").action(action((id: string) => showRun(api(), id, globals().json)));
runs
  .command("export <id>")
  .addOption(new Option("--format <format>").choices(["csv", "json", "jsonl"]).default("csv"))
  .option("--output <file>", "write to a file instead of stdout")
  .action(action((id: string, o: { format: "csv" | "json" | "jsonl"; output?: string }) => exportRun(api(), id, o)));

program
  .command("compare <baseline> <runs...>")
  .description("compare runs task by task with the paired test (the first is the baseline)")
  .action(action((baseline: string, others: string[]) => compareRuns(api(), [baseline, ...others], globals().json)));

// exitCode rather than exit(): a piped stdout is flushed before the process ends.
program.parseAsync(process.argv).then(
  () => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error instanceof CliError ? `yardstick: ${error.message}` : error);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  },
);
