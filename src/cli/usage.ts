/** Help texts, one per command; `rapport help COMMAND` and `COMMAND --help` print them. */
import { KINDS, PLATFORMS } from '../engine/index.ts';

const CHECK = `rapport check [--platform ${PLATFORMS.join('|')}]
              [--kind ${KINDS.join('|')}] [--pack FILE] [--history FILE] [--now ISO] [--json] [TEXT | -]

  Scores one draft and prints its nudges. TEXT "-", or no TEXT with text piped in, reads stdin.
  Defaults: --platform x --kind post, the built-in rule pack, the current time.
  Text that starts with "-" goes after "--":  rapport check -- "-50% today only"`;

const EVAL = `rapport eval FILE.jsonl [--pack FILE] [--json]

  Precision and recall per nudge id over labelled drafts, one JSON object a line:
  {"id":"r1","platform":"x","kind":"post","text":"…","expect":["pure-promotion"],"allow":[]}`;

const PACK = `rapport pack validate FILE                      schema errors with their JSON paths
rapport pack test FILE                          compile, then run the pack's own examples
rapport pack keygen [--out NAME]                new Ed25519 key pair (NAME.pub, NAME.key)
rapport pack sign FILE --key KEY [--sig PATH]   writes FILE.sig over the file's exact bytes
rapport pack verify FILE --pub KEY [--sig PATH] checks FILE.sig; exit 0 valid, 1 not
rapport pack fit FILE --eval DRAFTS.jsonl [--eval …] [--only NAME,…] [--signals RULE [--residual]] [--out FILE]
                                                fits the pack's thresholds (or, with --signals, one
                                                signals rule's weights; with --residual, on the
                                                drafts the rest of the pack leaves unflagged) to
                                                labelled drafts

  KEY is a key file's path or the base64 key itself.`;

const EXIT_CODES = `Exit codes: 0 ran fine (check exits 0 even with nudges); 1 pack validate/test/verify failed;
2 bad arguments, unreadable file or malformed input; 3 internal error.`;

export const HELP: Record<string, string> = { check: CHECK, eval: EVAL, pack: PACK };

export const OVERVIEW = `rapport — coach social posts against a rule pack, from the command line

${CHECK}

${EVAL}

${PACK}

${EXIT_CODES}
`;
