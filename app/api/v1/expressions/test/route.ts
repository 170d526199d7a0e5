import { projectRoute } from "@/lib/http/route";
import { TestExpression, testExpression } from "@/lib/services/expressions/test-expression";

/** Evaluates a template or expression for one stage against a sample task: `{ok, value, context}` or `{ok: false, error}`. */
export const POST = projectRoute({ can: "project.read", body: TestExpression }, ({ ctx, body }) => testExpression(ctx, body));
