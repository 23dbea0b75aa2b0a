export { render, type RenderOptions, type RenderResult } from './render.js';
export { resolveRenderLimits } from './limits.js';
export { detectTool, kustomizationFiles } from './detect-tool.js';
export { helmTemplateArgs, escapeSetValue, type HelmTemplateInputs } from './helm-args.js';
export { kustomizeEditCommands } from './kustomize-edits.js';
export { parseYamlDocuments, type ParsedDocument } from './parse-yaml.js';
export { toManifests, describeSource } from './objects.js';
export { RenderError, RenderLimitError } from './errors.js';
export type { Manifest, ManifestSource, RenderLimits, RenderTool } from './types.js';
