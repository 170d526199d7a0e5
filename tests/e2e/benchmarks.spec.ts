import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { expectNoSeriousA11yViolations, signIn, unique } from "./helpers";

// Three good MCQ rows and one without a question (line 5 of the file).
const CSV = [
  "question,correct,wrong1,wrong2,subset",
  '"What is 2+2?",4,3,5,math',
  '"Capital of France?",Paris,Rome,Berlin,geo',
  '"Colour of a clear sky?",Blue,Green,Red,nature',
  ",Yes,No,Maybe,misc",
].join("\n");

test("upload a CSV with a column mapping, dry run, import, browse, search and redact a task", async ({ browser, baseURL }) => {
  // The upload goes to the REST API, whose same-origin check compares Origin with request.url, which
  // `next start` builds as localhost:PORT; browse as localhost until lib/http/route.ts uses the Host header.
  const context = await browser.newContext({ baseURL: baseURL?.replace("127.0.0.1", "localhost") });
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/demo/benchmarks");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "New benchmark" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New benchmark" })).toBeVisible();

  const key = unique("e2e/trivia");
  await page.getByLabel("Key", { exact: true }).fill(key);
  await page.getByLabel("Name", { exact: true }).fill("E2E trivia");
  await page.getByLabel("Categories").fill("knowledge");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "trivia.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await expect(page.getByTestId("detected-columns")).toContainText("question, correct, wrong1, wrong2, subset");

  await page.getByLabel("Mapping").selectOption({ label: "CSV column mapping" });
  await page.getByLabel("Question column").selectOption("question");
  await page.getByLabel("Default task type").selectOption("MCQ");
  await page.getByLabel("Subset column").selectOption("subset");
  await page.getByRole("group", { name: "Correct answer columns", exact: true }).getByLabel("correct", { exact: true }).check();
  const incorrect = page.getByRole("group", { name: "Incorrect answer columns" });
  await incorrect.getByLabel("wrong1", { exact: true }).check();
  await incorrect.getByLabel("wrong2", { exact: true }).check();
  await expect(page.getByLabel("Dry run (validate only)")).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Upload" }).click();
  const result = page.getByTestId("upload-result");
  await expect(result.getByRole("heading", { name: /Dry run/ })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("valid-count")).toHaveText("3");
  await expect(result.getByRole("table", { name: "Validation problems" })).toContainText("Row 5");
  await expect(result).toContainText("Recommended minimum tasks per run: 3");
  await expect(result.locator("pre").filter({ hasText: "What is 2+2?" })).toContainText(/A\.\s.+\s+B\.\s.+\s+C\.\s/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Import" }).click();
  await expect(result.getByRole("heading", { name: "Imported 3 tasks as version 1" })).toBeVisible();
  await expect(result).toContainText("Row 5");
  await result.getByRole("link", { name: "Open benchmark" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "E2E trivia" })).toBeVisible();
  const tasks = page.getByRole("table", { name: "Tasks of version 1" });
  await expect(tasks.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Download JSONL" })).toHaveAttribute("href", /download\?format=jsonl&project=demo/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Search tasks").fill("france");
  await page.getByRole("button", { name: "Filter tasks" }).click();
  await expect(tasks.locator("tbody tr")).toHaveCount(1);
  await tasks.getByRole("link", { name: "Capital of France?" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Task 2 of version 1" })).toBeVisible();
  const sees = page.getByRole("region", { name: "What the model receives" });
  await expect(sees.locator("pre")).toContainText(/Capital of France\?\s+A\.\s.+\s+B\.\s.+\s+C\.\s/);
  await expect(page.getByRole("list", { name: "Choices" })).toContainText("Paris");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Redact", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Task 2 of version 2" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unredact", exact: true })).toBeVisible();
  await page.getByRole("link", { name: /version 2$/ }).click();
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions).toContainText("Redacted 1 task of v1");
  await expect(page.getByRole("table", { name: "Tasks of version 2" }).locator("tbody").getByText("Redacted", { exact: true })).toHaveCount(
    1,
  );

  // Dark mode is a separate palette: scan the benchmark page in it too.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.setItem("theme", "dark"));
  await page.reload();
  await expectNoSeriousA11yViolations(page);
  await context.close();
});
