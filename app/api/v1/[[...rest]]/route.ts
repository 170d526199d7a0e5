import { problem } from "@/lib/http/problem";

// Unknown API paths answer problem+json like every other API error, not an HTML 404 page.
const notFound = (request: Request) =>
  problem(404, `No API route ${request.method} ${new URL(request.url).pathname}`, { instance: new URL(request.url).pathname });

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
