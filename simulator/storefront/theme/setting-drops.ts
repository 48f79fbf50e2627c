import { Drop } from "liquidjs";

/**
 * The Liquid objects theme settings become (shopify.dev, Liquid objects: color, color_scheme,
 * font): a setting of type color prints as its hex and answers .red, .rgb…; a color scheme prints
 * as its id; a font answers .family, .weight, .system?…
 */
export class ColorDrop extends Drop {
  constructor(
    readonly red: number,
    readonly green: number,
    readonly blue: number,
    readonly alpha: number,
  ) {
    super();
  }

  static parse(value: unknown): ColorDrop | null {
    if (value instanceof ColorDrop) return value;
    const text = String(value ?? "").trim();
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text)?.[1];
    if (hex) {
      const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
      const byte = (i: number) => parseInt(full.slice(i, i + 2), 16);
      return new ColorDrop(byte(0), byte(2), byte(4), full.length === 8 ? Math.round((byte(6) / 255) * 100) / 100 : 1);
    }
    const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+))?\s*\)$/i.exec(text);
    return rgb ? new ColorDrop(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])) : null;
  }

  static fromHsl(hue: number, saturation: number, lightness: number, alpha: number): ColorDrop {
    const s = saturation / 100;
    const l = lightness / 100;
    const k = (n: number) => (n + hue / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    const channel = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
    return new ColorDrop(channel(0), channel(8), channel(4), alpha);
  }

  private hsl(): [number, number, number] {
    const [r, g, b] = [this.red / 255, this.green / 255, this.blue / 255];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const l = (max + min) / 2;
    if (max === min) return [0, 0, Math.round(l * 100)];
    const d = max - min;
    const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return [Math.round(h * 60), Math.round(s * 100), Math.round(l * 100)];
  }

  get hue() {
    return this.hsl()[0];
  }
  get saturation() {
    return this.hsl()[1];
  }
  get lightness() {
    return this.hsl()[2];
  }
  get rgb() {
    return `${this.red} ${this.green} ${this.blue}`;
  }
  get rgba() {
    return `${this.red} ${this.green} ${this.blue} / ${this.alpha}`;
  }

  /** Perceived brightness, 0 to 255 (W3C), as the color_brightness filter answers. */
  brightness(): number {
    return Math.round(((this.red * 299 + this.green * 587 + this.blue * 114) / 1000) * 10) / 10;
  }

  withLightness(change: number): ColorDrop {
    const [h, s, l] = this.hsl();
    return ColorDrop.fromHsl(h, s, Math.max(0, Math.min(100, l + change)), this.alpha);
  }

  withAlpha(alpha: number): ColorDrop {
    return new ColorDrop(this.red, this.green, this.blue, alpha);
  }

  hex(): string {
    const byte = (n: number) => n.toString(16).padStart(2, "0");
    return `#${byte(this.red)}${byte(this.green)}${byte(this.blue)}`;
  }

  override valueOf(): string {
    return this.alpha < 1 ? `rgba(${this.red}, ${this.green}, ${this.blue}, ${this.alpha})` : this.hex();
  }
  override toString(): string {
    return this.valueOf();
  }
}

export class ColorSchemeDrop extends Drop {
  constructor(
    readonly id: string,
    readonly settings: Record<string, unknown>,
  ) {
    super();
  }
  override valueOf(): string {
    return this.id;
  }
  override toString(): string {
    return this.id;
  }
}

/** A font_picker setting ("assistant_n4": the Assistant family, normal style, weight 400). */
export class FontDrop extends Drop {
  readonly "system?": boolean;
  readonly family: string;
  readonly fallback_families: string;
  readonly style: string;
  readonly weight: string;

  constructor(readonly handle: string) {
    super();
    const match = /^(.*)_([nio])(\d)$/.exec(handle) ?? [handle, handle, "n", "4"];
    const name = match[1]!;
    this["system?"] = name === "sans-serif" || name === "serif" || name === "monospace" || name.startsWith("system");
    this.family = this["system?"]
      ? "-apple-system, 'Segoe UI', Roboto"
      : name
          .split("_")
          .map((w) => w[0]!.toUpperCase() + w.slice(1))
          .join(" ");
    this.fallback_families = /serif/.test(name) && !/sans/.test(name) ? "serif" : "sans-serif";
    this.style = match[2] === "i" ? "italic" : match[2] === "o" ? "oblique" : "normal";
    this.weight = String(Number(match[3]) * 100);
  }

  modify(property: string, value: string): FontDrop | null {
    const name = this.handle.replace(/_[nio]\d$/, "");
    const style = this.style[0]!;
    const weight = Number(this.weight) / 100;
    if (property === "style") return new FontDrop(`${name}_${value === "italic" ? "i" : value === "oblique" ? "o" : "n"}${weight}`);
    if (property !== "weight") return null;
    const next =
      value === "bold" ? 7 : value === "normal" ? 4 : /^[+-]\d+$/.test(value) ? weight + Number(value) / 100 : Number(value) / 100;
    return next >= 1 && next <= 9 ? new FontDrop(`${name}_${style}${next}`) : null;
  }

  override valueOf(): string {
    return this.handle;
  }
}
