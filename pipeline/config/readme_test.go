package config_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/pipeline"
	"github.com/danish-eval/evaluate/pipeline/config"
	"go.yaml.in/yaml/v3"
)

// readme is the config reference for researchers; it must stay in step
// with the code, so every example in it is checked here.
const readme = "../../data/cohorts/README.md"

// yamlBlock is one ```yaml block of the README.
type yamlBlock struct {
	line int // line of the opening fence in the README
	text string
}

func readmeBlocks(t *testing.T) (string, []yamlBlock) {
	t.Helper()
	raw, err := os.ReadFile(readme)
	if err != nil {
		t.Fatalf("the config reference: %v", err)
	}
	var blocks []yamlBlock
	var cur *yamlBlock
	var body strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(line) == "```yaml":
			cur = &yamlBlock{line: n}
			body.Reset()
		case cur != nil && strings.TrimSpace(line) == "```":
			cur.text = body.String()
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			body.WriteString(line)
			body.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s:%d: the yaml block is not closed", readme, cur.line)
	}
	if len(blocks) == 0 {
		t.Fatalf("%s has no ```yaml blocks", readme)
	}
	return string(raw), blocks
}

// check parses a config the way a run does before reading data: the YAML
// (config.Parse), every expression (pipeline.CompileRules), and every
// sensitivity variant with its expressions.
func check(src string) error {
	cfg, err := config.Parse([]byte(src), nil)
	if err != nil {
		return err
	}
	if _, err := pipeline.CompileRules(cfg); err != nil {
		return err
	}
	for _, v := range cfg.Sensitivity {
		vc, err := cfg.Variant(v)
		if err != nil {
			return err
		}
		if _, err := pipeline.CompileRules(vc); err != nil {
			return err
		}
	}
	return nil
}

// TestReadmeExamples: every yaml block is a complete config that passes,
// a "# fragment" whose keys exist, or a "# error: <text>" config that is
// refused with a message containing <text>.
func TestReadmeExamples(t *testing.T) {
	_, blocks := readmeBlocks(t)
	var complete, errs int
	for _, b := range blocks {
		first, _, _ := strings.Cut(b.text, "\n")
		first = strings.TrimSpace(first)
		where := filepath.Base(readme) + ":" + strconv.Itoa(b.line)
		switch {
		case first == "# fragment":
			// Not a config on its own, but its keys must be real ones.
			dec := yaml.NewDecoder(strings.NewReader(b.text))
			dec.KnownFields(true)
			var c config.Config
			if err := dec.Decode(&c); err != nil {
				t.Errorf("%s: fragment: %v\n%s", where, err, b.text)
			}
		case strings.HasPrefix(first, "# error:"):
			errs++
			want := strings.TrimSpace(strings.TrimPrefix(first, "# error:"))
			if want == "" {
				t.Errorf("%s: \"# error:\" names no message", where)
				continue
			}
			err := check(b.text)
			if err == nil {
				t.Errorf("%s: accepted, but the README says it fails with %q\n%s", where, want, b.text)
			} else if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error\n  %v\nwant it to contain\n  %s", where, err, want)
			}
		default:
			complete++
			if err := check(b.text); err != nil {
				t.Errorf("%s: %v\n%s", where, err, b.text)
			}
		}
	}
	if complete == 0 || errs == 0 {
		t.Errorf("%s has %d complete configs and %d error examples; want some of each", readme, complete, errs)
	}
}

// TestReadmeNamesEveryKey: each yaml key of config.Config and the structs
// it holds appears in the README as `key`, so the reference cannot fall
// behind the code. Built-in populations, column types and the bundled
// configs are checked the same way.
func TestReadmeNamesEveryKey(t *testing.T) {
	text, _ := readmeBlocks(t)
	keys := map[string]string{} // key -> Go type.field it came from
	yamlKeys(reflect.TypeFor[config.Config](), map[reflect.Type]bool{}, keys)
	if len(keys) < 10 {
		t.Fatalf("found only %d yaml keys in config.Config: %v", len(keys), keys)
	}
	for key, field := range keys {
		if !strings.Contains(text, "`"+key+"`") {
			t.Errorf("%s does not describe `%s` (%s)", readme, key, field)
		}
	}
	names := append([]string{}, config.Populations...)
	names = append(names, config.TypeID, config.TypeText, config.TypeDate, config.TypeNumber, config.TypeBool)
	for _, name := range names {
		if !strings.Contains(text, "`"+name+"`") {
			t.Errorf("%s does not mention `%s`", readme, name)
		}
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(readme), "*.yaml"))
	for _, f := range files {
		if name := filepath.Base(f); !strings.Contains(text, "`"+name+"`") {
			t.Errorf("%s does not list the bundled config `%s`", readme, name)
		}
	}
}

// yamlKeys collects the yaml tags of t's fields, recursing into the types
// of struct fields, pointers, slices and map values.
func yamlKeys(t reflect.Type, seen map[reflect.Type]bool, keys map[string]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		keys[tag] = t.Name() + "." + f.Name
		yamlKeys(f.Type, seen, keys)
	}
}
