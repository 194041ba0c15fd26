import type { CDPSession } from 'playwright-core';

export interface ScreencastFrame {
  /** When the compositor swapped the frame, in ms since epoch. */
  readonly epochMs: number;
  readonly jpeg: Buffer;
}

/**
 * The page's frames as Chromium composites them (`Page.startScreencast`): a frame arrives
 * only when what is shown changed, stamped with its swap time, so the first frame with
 * the artefact in it is among them without polling screenshots, which would each force
 * an extra frame and compete with the page for the two cores. Frames are kept encoded
 * and decoded after the run.
 */
export class Screencast {
  readonly frames: ScreencastFrame[] = [];

  private constructor(private readonly cdp: CDPSession) {}

  static async start(cdp: CDPSession): Promise<Screencast> {
    const screencast = new Screencast(cdp);
    cdp.on('Page.screencastFrame', (frame) => {
      const seconds = frame.metadata.timestamp;
      if (seconds !== undefined) {
        screencast.frames.push({ epochMs: seconds * 1000, jpeg: Buffer.from(frame.data, 'base64') });
      }
      // Chromium sends the next frame only once this one is acknowledged.
      cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
    });
    await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 80, everyNthFrame: 1 });
    return screencast;
  }

  latest(): ScreencastFrame | undefined {
    return this.frames.at(-1);
  }

  async stop(): Promise<void> {
    await this.cdp.send('Page.stopScreencast').catch(() => {});
  }
}
