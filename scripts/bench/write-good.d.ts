// write-good ships no types; this is the slice of its API the bench calls.
declare module 'write-good' {
  interface WriteGoodSuggestion {
    index: number;
    offset: number;
    reason: string;
  }
  function writeGood(text: string, options?: Record<string, boolean>): WriteGoodSuggestion[];
  export default writeGood;
}
