import { UserError } from '../workbook/port';

/** Where the CLI writes: injectable for tests of the text output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Waits until everything given to `out` has been handed on; throws a UserError (exit 1) when the
   * reader went away first (a closed pipe, `| head -c5`). Optional: an in-memory Io needs none.
   */
  flush?(): Promise<void>;
}

export const STDOUT_CLOSED =
  'Standard output blev lukket, før alt var skrevet (fx af "head") – send outputtet til en fil i stedet, fx "> resultat.json".';

/**
 * An Io over two streams (process.stdout and process.stderr). A write error (EPIPE when the
 * reader closed the pipe) is recorded instead of being thrown as an uncaught 'error' event with a
 * stack trace; `flush` reports it once as one Danish line. Errors on stderr are ignored: there is
 * nowhere left to tell.
 */
export function streamIo(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Io {
  let failure: unknown = null;
  const record = (e: unknown): void => {
    if (failure === null) failure = e;
  };
  out.on('error', record);
  err.on('error', () => undefined);
  return {
    out: (t) => {
      if (failure === null) out.write(`${t}\n`, (e) => e && record(e));
    },
    err: (t) => {
      err.write(`${t}\n`, () => undefined);
    },
    flush: async () => {
      if (failure === null)
        await new Promise<void>((resolve) => out.write('', (e) => (e && record(e), resolve())));
      if (failure !== null) throw new UserError(STDOUT_CLOSED, 1, { cause: failure });
    },
  };
}

let processIo: Io | null = null;

/** The Io of the running process, made once (its listeners are added on first use, not on import). */
export function processStdio(): Io {
  processIo ??= streamIo(process.stdout, process.stderr);
  return processIo;
}
