package config

import (
	"encoding"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// checkShape walks a decoded YAML document against the type it will be
// decoded into and reports, in the file's own terms, the first key that
// type does not know (with a did-you-mean) or value of the wrong shape:
// "line 7: sources[0].intervall: unknown key (did you mean interval?)".
// It never names a Go type.
func checkShape(n *yaml.Node, t reflect.Type, path string) error {
	for n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else if len(n.Content) == 0 {
			return nil
		} else {
			n = n.Content[0]
		}
	}
	if n.Tag == "!!null" || decodesItself(t) {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkMapping(n, t, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return shapeErr(n, path, "want a list such as [a, b]")
		}
		for i, c := range n.Content {
			if err := checkShape(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return shapeErr(n, path, "want a single value, not a list or mapping")
		}
	case reflect.Int, reflect.Int64:
		if _, err := strconv.Atoi(n.Value); n.Kind != yaml.ScalarNode || err != nil {
			return shapeErr(n, path, fmt.Sprintf("%q is not a whole number", n.Value))
		}
	}
	return nil
}

// decodesItself reports a type that reads its own YAML or text form (an
// age such as "90d"): its decoder words its own errors.
func decodesItself(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(reflect.TypeFor[yaml.Unmarshaler]()) || p.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

func checkMapping(n *yaml.Node, t reflect.Type, path string) error {
	if n.Kind != yaml.MappingNode {
		return shapeErr(n, path, "want a mapping of key: value lines")
	}
	fields := yamlFields(t)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		at := k.Value
		if path != "" {
			at = path + "." + k.Value
		}
		ft, ok := fields[k.Value]
		if !ok {
			msg := "unknown key"
			if s := feedsvc.NearestKey(k.Value, slices.Collect(maps.Keys(fields))); s != "" {
				msg += " (did you mean " + s + "?)"
			}
			return shapeErr(k, at, msg)
		}
		if err := checkShape(v, ft, at); err != nil {
			return err
		}
	}
	return nil
}

// yamlFields maps the YAML keys of a struct type to their field types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	return m
}

// yamlTypeRE matches the Go type yaml.v3 names in a decoding error.
var yamlTypeRE = regexp.MustCompile("cannot unmarshal !!\\w+ `([^`]*)` into \\S+")

// plainYAMLErr rewrites a yaml.v3 error so that it names no Go type.
func plainYAMLErr(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	return errors.New(yamlTypeRE.ReplaceAllString(msg, "$1 has the wrong type here"))
}

func shapeErr(n *yaml.Node, path, msg string) error {
	if path == "" {
		path = "(top level)"
	}
	return fmt.Errorf("line %d: %s: %s", n.Line, path, msg)
}
