import { ThemeSource, themesDir } from "./theme-source";
import { ThemeRenderer } from "./theme-renderer";

/** Themes are read and their templates parsed once per folder, as the online store serves a theme version. */
const renderers = new Map<string, ThemeRenderer>();

export function themeRenderer(folder: string, root: string = themesDir()): ThemeRenderer {
  const key = `${root}|${folder}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new ThemeRenderer(new ThemeSource(folder, root));
    renderers.set(key, renderer);
  }
  return renderer;
}

export function themeSource(folder: string, root: string = themesDir()): ThemeSource {
  return themeRenderer(folder, root).theme;
}
