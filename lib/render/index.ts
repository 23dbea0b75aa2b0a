export { render, defaultRenderTimeoutMs, type RenderOptions, type RenderResult } from './render.js';
export { detectTool, kustomizationFiles } from './detectTool.js';
export { compileArgoGlob } from './argoGlob.js';
export { helmTemplateArgs, escapeSetValue, type HelmTemplateInputs } from './helmArgs.js';
export { kustomizeEditCommands } from './kustomizeEdits.js';
export { parseYamlDocuments, type ParsedDocument } from './parseYaml.js';
export { toManifests, describeSource } from './objects.js';
export { RenderError } from './errors.js';
export type { Manifest, ManifestSource, RenderTool } from './types.js';
