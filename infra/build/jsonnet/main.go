// sluice-jsonnet evaluates one Jsonnet file of a directory application the way Argo CD's repo server does
// (go-jsonnet, the file's own directory first, then the library paths, last one first), with what a hostile
// repository must not get: an import may not be absolute, nor leave the source root, symlinks included; no native
// function exists; memory is bounded. Nothing a spec says reaches the command line: the request is a JSON file that
// Sluice writes into the render's own directory.
//
// usage: sluice-jsonnet <request.json>
//
// stdout: the result as JSON documents, one a line, separated by "---" lines: each element of a top-level array
// is its own document, anything else is one document. The imported files (absolute, real paths) are written,
// one a line, to the request's importsFile.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/google/go-jsonnet"
)

type variable struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Code  bool   `json:"code"`
}

type request struct {
	// Root is the source root: no import may resolve outside it.
	Root string `json:"root"`
	// File is the Jsonnet file to evaluate (absolute, inside Root).
	File string `json:"file"`
	// JPaths are the library directories, searched after the importing file's own directory, last one first.
	JPaths      []string   `json:"jpaths"`
	ExtVars     []variable `json:"extVars"`
	TLAs        []variable `json:"tlas"`
	MaxStack    int        `json:"maxStack"`
	MaxHeap     uint64     `json:"maxHeapBytes"`
	ImportsFile string     `json:"importsFile"`
}

// confinedImporter resolves imports as go-jsonnet's FileImporter does, inside root only.
type confinedImporter struct {
	root    string
	main    string
	jpaths  []string
	cache   map[string]*entry
	imports []string
}

type entry struct {
	contents jsonnet.Contents
	foundAt  string
	exists   bool
}

func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func (imp *confinedImporter) try(dir, importedPath string) (*entry, error) {
	path := filepath.Join(dir, importedPath)
	if cached, ok := imp.cache[path]; ok {
		return cached, nil
	}
	if !inside(imp.root, path) {
		return nil, fmt.Errorf("import %q leaves the repository; import only files inside it", importedPath)
	}
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, os.ErrNotExist) {
		e := &entry{}
		imp.cache[path] = e
		return e, nil
	}
	if err != nil {
		return nil, fmt.Errorf("import %q: %v", importedPath, err)
	}
	if !inside(imp.root, real) {
		return nil, fmt.Errorf("import %q is a symlink out of the repository", importedPath)
	}
	info, err := os.Stat(real)
	if err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("import %q is not a file", importedPath)
	}
	data, err := os.ReadFile(real)
	if err != nil {
		return nil, fmt.Errorf("import %q: %v", importedPath, err)
	}
	e := &entry{contents: jsonnet.MakeContentsRaw(data), foundAt: path, exists: true}
	imp.cache[path] = e
	imp.imports = append(imp.imports, real)
	return e, nil
}

func (imp *confinedImporter) Import(importedFrom, importedPath string) (jsonnet.Contents, string, error) {
	if importedFrom == "" {
		// Only the file being evaluated is imported from nowhere.
		if importedPath != imp.main {
			return jsonnet.Contents{}, "", fmt.Errorf("import %q: not allowed", importedPath)
		}
		e, err := imp.try("/", importedPath)
		if err != nil || !e.exists {
			return jsonnet.Contents{}, "", fmt.Errorf("%s: cannot be read", importedPath)
		}
		return e.contents, e.foundAt, nil
	}
	if filepath.IsAbs(importedPath) {
		return jsonnet.Contents{}, "", fmt.Errorf("import %q is an absolute path; import files by a path relative to the importing file or a library path", importedPath)
	}
	dirs := []string{filepath.Dir(importedFrom)}
	for i := len(imp.jpaths) - 1; i >= 0; i-- {
		dirs = append(dirs, imp.jpaths[i])
	}
	for _, dir := range dirs {
		e, err := imp.try(dir, importedPath)
		if err != nil {
			return jsonnet.Contents{}, "", err
		}
		if e.exists {
			return e.contents, e.foundAt, nil
		}
	}
	return jsonnet.Contents{}, "", fmt.Errorf("couldn't open import %q: no match locally or in the Jsonnet library paths", importedPath)
}

// watchHeap ends the process once the live heap passes max: jsonnet has no memory bound of its own.
func watchHeap(max uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for range time.Tick(20 * time.Millisecond) {
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > max {
			fmt.Fprintf(os.Stderr, "evaluation used more than %d MiB of memory and was stopped\n", max>>20)
			os.Exit(3)
		}
	}
}

// documents writes each element of a top-level array as its own compact JSON document.
func documents(result string) ([]byte, error) {
	var out bytes.Buffer
	trimmed := bytes.TrimSpace([]byte(result))
	parts := []json.RawMessage{trimmed}
	if len(trimmed) > 0 && trimmed[0] == '[' {
		parts = nil
		if err := json.Unmarshal(trimmed, &parts); err != nil {
			return nil, err
		}
	}
	for i, part := range parts {
		if i > 0 {
			out.WriteString("---\n")
		}
		if err := json.Compact(&out, part); err != nil {
			return nil, err
		}
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

func run() error {
	if len(os.Args) != 2 {
		return errors.New("usage: sluice-jsonnet <request.json>")
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		return err
	}
	var req request
	if err := json.Unmarshal(data, &req); err != nil {
		return fmt.Errorf("bad request: %v", err)
	}
	root, err := filepath.EvalSymlinks(req.Root)
	if err != nil {
		return err
	}
	if req.MaxHeap > 0 {
		go watchHeap(req.MaxHeap)
	}
	vm := jsonnet.MakeVM()
	if req.MaxStack > 0 {
		vm.MaxStack = req.MaxStack
	}
	for _, v := range req.ExtVars {
		if v.Code {
			vm.ExtCode(v.Name, v.Value)
		} else {
			vm.ExtVar(v.Name, v.Value)
		}
	}
	for _, v := range req.TLAs {
		if v.Code {
			vm.TLACode(v.Name, v.Value)
		} else {
			vm.TLAVar(v.Name, v.Value)
		}
	}
	imp := &confinedImporter{root: root, main: req.File, jpaths: req.JPaths, cache: map[string]*entry{}}
	vm.Importer(imp)
	result, evalErr := vm.EvaluateFile(req.File)
	if req.ImportsFile != "" {
		if err := os.WriteFile(req.ImportsFile, []byte(strings.Join(imp.imports, "\n")), 0o600); err != nil {
			return err
		}
	}
	if evalErr != nil {
		return evalErr
	}
	out, err := documents(result)
	if err != nil {
		return fmt.Errorf("the result is not JSON: %v", err)
	}
	_, err = os.Stdout.Write(out)
	return err
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, strings.TrimSpace(err.Error()))
		os.Exit(1)
	}
}
