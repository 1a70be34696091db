// The recorder's Worker side: paints each scene (drawFrame.ts) on an OffscreenCanvas and
// encodes it. Video goes through WebCodecs by way of Mediabunny (WebM with VP9 or VP8, MP4
// with H.264), written to memory so the file carries its duration and seek index; GIF goes
// through gifenc, one palette per frame. Frames are constant-rate: frame i starts at i / fps,
// so n frames make a file exactly n / fps seconds long.

import { applyPalette, GIFEncoder, type Palette, quantize } from 'gifenc';
import {
  BufferTarget,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  Quality,
  VideoSample,
  VideoSampleSource,
  WebMOutputFormat,
} from 'mediabunny';
import type { Ctx2D } from '../live/paint.ts';
import { createFrameCache, drawFrame, type FrameCache } from './drawFrame.ts';
import type { FormatSupport, RecordFormat } from './protocol.ts';
import type { RecordScene } from './scene.ts';

/**
 * Every canvas here is CPU-backed: frames are read back for the encoder (and for GIF
 * pixels) anyway, and a software-emulated GPU canvas costs far more per draw call.
 */
/** GIF frames between two palette fittings (half a second at 10 frames a second). */
const PALETTE_EVERY = 5;

const makeCanvas = (w: number, h: number) => {
  const c = new OffscreenCanvas(w, h);
  c.getContext('2d', { willReadFrequently: true });
  return c;
};

/** Which formats this browser can write at this size (asked in the Worker, where it encodes). */
export async function probeFormats(
  width: number,
  height: number,
  fps: number,
): Promise<FormatSupport> {
  const gif = typeof OffscreenCanvas === 'function';
  const webcodecs = typeof VideoEncoder === 'function' && gif;
  if (!webcodecs) return { webcodecs: false, webm: null, mp4: null, gif };
  const can = async (codec: 'vp9' | 'vp8' | 'avc') => {
    try {
      return await canEncodeVideo(codec, {
        width,
        height,
        frameRate: fps,
        quality: new Quality('high'),
      });
    } catch {
      return false;
    }
  };
  const [vp9, vp8, avc] = await Promise.all([can('vp9'), can('vp8'), can('avc')]);
  return {
    webcodecs,
    webm: vp9 ? 'vp9' : vp8 ? 'vp8' : null,
    mp4: avc ? 'avc' : null,
    gif,
  };
}

export interface EncodedFile {
  buffer: ArrayBuffer;
  mime: string;
  extension: string;
  frames: number;
  duration: number;
}

export interface FrameSink {
  /** Paints `scene` and adds it `repeat` times (consecutive frames). */
  add(scene: RecordScene, repeat: number): Promise<void>;
  finish(): Promise<EncodedFile>;
  cancel(): Promise<void>;
  readonly frames: number;
}

export async function createSink(
  format: RecordFormat,
  width: number,
  height: number,
  fps: number,
): Promise<FrameSink> {
  if (format === 'gif') return new GifSink(width, height, fps);
  const support = await probeFormats(width, height, fps);
  const codec = format === 'mp4' ? support.mp4 : support.webm;
  if (!codec) {
    throw new Error(
      format === 'mp4'
        ? 'this browser cannot encode H.264 video for MP4'
        : 'this browser cannot encode VP9 or VP8 video for WebM',
    );
  }
  return VideoSink.open(format, codec, width, height, fps);
}

class VideoSink implements FrameSink {
  frames = 0;

  private constructor(
    private readonly output: Output,
    private readonly source: VideoSampleSource,
    private readonly g: OffscreenCanvasRenderingContext2D,
    private readonly cache: FrameCache,
    private readonly fps: number,
    private readonly format: 'webm' | 'mp4',
  ) {}

  static async open(
    format: 'webm' | 'mp4',
    codec: 'vp9' | 'vp8' | 'avc',
    width: number,
    height: number,
    fps: number,
  ): Promise<VideoSink> {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
    if (!g) throw new Error('no 2D canvas in the recording Worker');
    const output = new Output({
      // In memory, not append-only: the muxer goes back to write the duration and cues
      // (WebM) or the moov box in front (MP4), so players know the length and can seek.
      format:
        format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
      target: new BufferTarget(),
    });
    const source = new VideoSampleSource({
      codec,
      quality: new Quality('high'),
      keyFrameInterval: 2,
      // Boxes and text: tell the encoder it is screen content where the browser listens.
      contentHint: 'text',
    });
    output.addVideoTrack(source, { frameRate: fps });
    await output.start();
    return new VideoSink(output, source, g, createFrameCache(makeCanvas), fps, format);
  }

  async add(scene: RecordScene, repeat: number): Promise<void> {
    drawFrame(this.g as Ctx2D, scene, this.cache);
    for (let i = 0; i < repeat; i++) {
      // A frame of the canvas as it is now (the browser snapshots it; the next drawing
      // does not change this one).
      const sample = new VideoSample(this.g.canvas, {
        timestamp: this.frames / this.fps,
        duration: 1 / this.fps,
      });
      try {
        await this.source.add(sample);
      } finally {
        sample.close();
      }
      this.frames++;
    }
  }

  async finish(): Promise<EncodedFile> {
    if (this.frames === 0) throw new Error('no frames were recorded');
    this.source.close();
    await this.output.finalize();
    const buffer = (this.output.target as BufferTarget).buffer;
    if (!buffer) throw new Error('the video file came out empty');
    return {
      buffer,
      mime: this.format === 'mp4' ? 'video/mp4' : 'video/webm',
      extension: this.format,
      frames: this.frames,
      duration: this.frames / this.fps,
    };
  }

  async cancel(): Promise<void> {
    await this.output.cancel();
  }
}

class GifSink implements FrameSink {
  frames = 0;
  private readonly g: OffscreenCanvasRenderingContext2D;
  private readonly cache = createFrameCache(makeCanvas);
  private readonly gif = GIFEncoder();
  private readonly delay: number;
  private palette: Palette | null = null;
  private paletteAt = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
    fps: number,
  ) {
    const g = new OffscreenCanvas(width, height).getContext('2d', {
      alpha: false,
      willReadFrequently: true,
    });
    if (!g) throw new Error('no 2D canvas in the recording Worker');
    this.g = g;
    this.delay = 1000 / fps;
  }

  async add(scene: RecordScene, repeat: number): Promise<void> {
    drawFrame(this.g as Ctx2D, scene, this.cache);
    const { data } = this.g.getImageData(0, 0, this.width, this.height);
    // A palette fitted to the picture every half second, kept in between: fitting is the
    // dearest step, and the canvas's colours hardly change from one frame to the next.
    if (!this.palette || this.frames - this.paletteAt >= PALETTE_EVERY) {
      this.palette = quantize(data, 256, { format: 'rgb565' });
      this.paletteAt = this.frames;
    }
    const palette = this.palette;
    const index = applyPalette(data, palette, 'rgb565');
    for (let i = 0; i < repeat; i++) {
      this.gif.writeFrame(index, this.width, this.height, { palette, delay: this.delay });
      this.frames++;
    }
  }

  async finish(): Promise<EncodedFile> {
    if (this.frames === 0) throw new Error('no frames were recorded');
    this.gif.finish();
    // bytes() is a copy of exactly the file: its buffer can be handed over as it is.
    const bytes = this.gif.bytes();
    return {
      buffer: bytes.buffer as ArrayBuffer,
      mime: 'image/gif',
      extension: 'gif',
      frames: this.frames,
      duration: (this.frames * this.delay) / 1000,
    };
  }

  async cancel(): Promise<void> {}
}
