package reports

import (
	"fmt"
	"strings"
)

// retentionMethods says how retention was estimated: which statuses end
// the programme, what competes and what is censored.
func (d *doc) retentionMethods() {
	ret, t := d.r.Retention, d.t
	if ret == nil {
		return
	}
	st := t.states()
	if len(ret.States) == 0 {
		d.para(fmt.Sprintf(st.MethodsKM, t.Status(ret.Event)))
		return
	}
	var exits []string
	for _, s := range ret.States[0].Shares[1:] {
		exits = append(exits, fmt.Sprintf(t.Msg("Format.Quote"), t.Status(s.State)))
	}
	and := t.Msg("retentionMethods.1")
	list := strings.Join(exits[:len(exits)-1], ", ")
	if list != "" {
		list += and
	}
	list += exits[len(exits)-1]
	d.para(fmt.Sprintf(st.Methods, capitalize(list)))
}
