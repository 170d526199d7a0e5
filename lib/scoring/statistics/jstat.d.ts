// jstat ships no types and @types/jstat does not exist; declare only the quantile functions we use.
declare module "jstat" {
  const jStat: {
    normal: { inv(p: number, mean: number, std: number): number };
    studentt: { inv(p: number, dof: number): number };
  };
  export default jStat;
}
