import type { OutputStream } from '../io.js';

/** Progress of a long operation, on stderr so stdout stays clean for pipes. */
export interface Progress {
  /** The current state, without timing: a terminal shows it with a spinner and the elapsed time. */
  update(message: string): void;
  /** Clears the spinner line; plain output is left as it is. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** On a terminal, one line rewritten in place; otherwise a plain line each time the state changes. */
export function createProgress(stream: OutputStream, now: () => number = Date.now): Progress {
  return stream.isTTY ? terminalProgress(stream, now) : lineProgress(stream);
}

function lineProgress(stream: OutputStream): Progress {
  let last: string | undefined;
  return {
    update(message) {
      if (message === last) return;
      last = message;
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}

function terminalProgress(stream: OutputStream, now: () => number): Progress {
  const started = now();
  let message = '';
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    const seconds = Math.floor((now() - started) / 1000);
    stream.write(`\r\x1b[K${frames[frame++ % frames.length]} ${message} (${seconds} s)`);
  };
  return {
    update(next) {
      message = next;
      // unref: a spinner never keeps the process alive.
      timer ??= setInterval(draw, 100).unref();
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      if (message) stream.write('\r\x1b[K');
      timer = undefined;
      message = '';
    },
  };
}
