import { writeFileSync } from "node:fs";
import path from "node:path";
import { GET } from "@/app/api/v1/openapi.json/route";

// `npm run openapi`: writes the document the CLI's types are generated from (cli/api-types.ts).
async function main() {
  const response = await GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
  const file = path.join(import.meta.dirname, "openapi.json");
  writeFileSync(file, `${JSON.stringify(await response.json(), null, 2)}\n`);
  console.log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
