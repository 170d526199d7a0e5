// Unknown Llama Stack paths answer problem+json, like unknown /api/v1 paths.
export { DELETE, GET, PATCH, POST, PUT } from "../../v1/[[...rest]]/route";
