// Command sluice-appset-template renders ApplicationSet templates with Go's text/template and the sprig functions
// Argo CD's ApplicationSet controller allows, the way that controller does: every string of the template (and every
// map key) is parsed and executed on its own with the parameter set as data.
//
// It reads one JSON request on stdin:
//
//	{"options": ["missingkey=error"], "maxBytes": 1048576,
//	 "items": [{"value": <any JSON>, "params": {<parameter set>}}, ...]}
//
// and writes one JSON answer on stdout, an entry per item in order:
//
//	{"items": [{"value": <the value with every string rendered>} | {"error": "<field>: <what failed>"}, ...]}
//
// A failing item does not stop the others. Only a malformed request makes it exit non-zero.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/gosimple/slug"
	"sigs.k8s.io/yaml"
)

type request struct {
	Options  []string `json:"options"`
	MaxBytes int      `json:"maxBytes"`
	Items    []struct {
		Value  json.RawMessage `json:"value"`
		Params json.RawMessage `json:"params"`
	} `json:"items"`
}

type answer struct {
	Value any    `json:"value,omitempty"`
	Error string `json:"error,omitempty"`
}

var allowedOptions = regexp.MustCompile(`^missingkey=(default|invalid|zero|error)$`)

func main() {
	var req request
	decoder := json.NewDecoder(os.Stdin)
	if err := decoder.Decode(&req); err != nil {
		fail("the request is not valid JSON: %v", err)
	}
	for _, option := range req.Options {
		if !allowedOptions.MatchString(option) {
			fail("unknown goTemplateOptions entry %q: expected missingkey=default, invalid, zero or error", option)
		}
	}
	maxBytes := req.MaxBytes
	if maxBytes <= 0 {
		maxBytes = 1 << 20
	}
	out := make([]answer, len(req.Items))
	for i, item := range req.Items {
		out[i] = renderItem(item.Value, item.Params, req.Options, maxBytes)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(map[string]any{"items": out}); err != nil {
		fail("could not write the answer: %v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(2)
}

func renderItem(rawValue, rawParams json.RawMessage, options []string, maxBytes int) answer {
	// The template keeps its numbers as written; parameters are decoded as Argo CD decodes them (numbers as float64).
	valueDecoder := json.NewDecoder(bytes.NewReader(rawValue))
	valueDecoder.UseNumber()
	var value any
	if err := valueDecoder.Decode(&value); err != nil {
		return answer{Error: fmt.Sprintf("the template is not valid JSON: %v", err)}
	}
	var params map[string]any
	if len(rawParams) > 0 {
		if err := json.Unmarshal(rawParams, &params); err != nil {
			return answer{Error: fmt.Sprintf("the parameters are not a JSON object: %v", err)}
		}
	}
	r := renderer{params: params, options: options, budget: maxBytes}
	rendered, err := r.walk(value, "")
	if err != nil {
		return answer{Error: err.Error()}
	}
	return answer{Value: rendered}
}

type renderer struct {
	params  map[string]any
	options []string
	budget  int
}

// walk renders every string and map key of a JSON value; other values are kept as they are.
func (r *renderer) walk(value any, path string) (any, error) {
	switch v := value.(type) {
	case string:
		return r.render(v, path)
	case []any:
		out := make([]any, len(v))
		for i, element := range v {
			rendered, err := r.walk(element, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = rendered
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(v))
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys) // the first error is always the same one
		for _, key := range keys {
			element := v[key]
			field := key
			if path != "" {
				field = path + "." + key
			}
			rendered, err := r.walk(element, field)
			if err != nil {
				return nil, err
			}
			renderedKey, err := r.render(key, field)
			if err != nil {
				return nil, err
			}
			out[renderedKey] = rendered
		}
		return out, nil
	default:
		return v, nil
	}
}

func (r *renderer) render(text, path string) (string, error) {
	where := path
	if where == "" {
		where = "template"
	}
	tmpl, err := template.New("").Funcs(funcMap()).Parse(text)
	if err != nil {
		return "", fmt.Errorf("%s: failed to parse template %s: %v", where, strconv.Quote(text), err)
	}
	for _, option := range r.options {
		tmpl = tmpl.Option(option)
	}
	tmpl = tmpl.Funcs(template.FuncMap{"tpl": tplFunc(tmpl)})
	out := &limitedBuffer{limit: r.budget}
	if err := tmpl.Execute(out, r.params); err != nil {
		if errors.Is(err, errTooLarge) {
			return "", fmt.Errorf("%s: the rendered template is larger than %d bytes", where, r.budget)
		}
		return "", fmt.Errorf("%s: failed to execute go template %s: %v", where, strconv.Quote(text), err)
	}
	r.budget -= out.Len()
	return out.String(), nil
}

var errTooLarge = errors.New("output limit reached")

// limitedBuffer stops a template that writes more than its share (a `range until 100000000`, say).
type limitedBuffer struct {
	bytes.Buffer
	limit int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		return 0, errTooLarge
	}
	return b.Buffer.Write(p)
}

// funcMap is sprig's generic functions without those that read the environment or the network, plus Argo CD's own.
func funcMap() template.FuncMap {
	functions := sprig.GenericFuncMap()
	delete(functions, "env")
	delete(functions, "expandenv")
	delete(functions, "getHostByName")
	functions["normalize"] = sanitizeName
	functions["slugify"] = slugifyName
	functions["toYaml"] = toYAML
	functions["fromYaml"] = fromYAML
	functions["fromYamlArray"] = fromYAMLArray
	// Bound to the template being executed once it is parsed (render), so nested tpl calls keep its options.
	functions["tpl"] = func(string, any) (string, error) { return "", errors.New("tpl is not bound") }
	return template.FuncMap(functions)
}

var invalidDNSNameChars = regexp.MustCompile("[^-a-z0-9.]")

// sanitizeName lowercases, turns anything but a-z, 0-9, '-' and '.' into '-', keeps 253 characters and trims '-' and '.'.
func sanitizeName(name string) string {
	name = strings.ToLower(name)
	name = invalidDNSNameChars.ReplaceAllString(name, "-")
	if len(name) > 253 {
		name = name[:253]
	}
	return strings.Trim(name, "-.")
}

// slugifyName takes [maxSize int] [smartTruncate bool] name, as Argo CD's slugify does (defaults 50 and true).
func slugifyName(args ...any) (string, error) {
	maxSize, smart, name := 50, true, ""
	for i, arg := range args {
		var ok bool
		switch i {
		case len(args) - 1:
			name, ok = arg.(string)
		case 0:
			maxSize, ok = arg.(int)
		case 1:
			smart, ok = arg.(bool)
		default:
			return "", errors.New("slugify takes at most: maxSize, smartTruncate, name")
		}
		if !ok {
			return "", fmt.Errorf("slugify: argument %d has the wrong type (%T)", i+1, arg)
		}
	}
	slug.EnableSmartTruncate = smart
	slug.MaxLength = maxSize
	return slug.Make(sanitizeName(name)), nil
}

func toYAML(v any) (string, error) {
	data, err := yaml.Marshal(v)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(data), "\n"), nil
}

func fromYAML(text string) (map[string]any, error) {
	out := map[string]any{}
	if err := yaml.Unmarshal([]byte(text), &out); err != nil {
		return nil, err
	}
	return out, nil
}

func fromYAMLArray(text string) ([]any, error) {
	out := []any{}
	if err := yaml.Unmarshal([]byte(text), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// tplFunc renders a string as a template with the same functions and options as the one calling it.
func tplFunc(parent *template.Template) func(string, any) (string, error) {
	return func(text string, data any) (string, error) {
		t, err := parent.Clone()
		if err != nil {
			return "", fmt.Errorf("cannot clone template: %w", err)
		}
		t, err = t.New(parent.Name()).Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %w", text, err)
		}
		var out strings.Builder
		if err := t.Execute(&out, data); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		return strings.ReplaceAll(out.String(), "<no value>", ""), nil
	}
}
