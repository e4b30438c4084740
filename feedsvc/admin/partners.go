package admin

import (
	"context"
	"net/http"
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Partners keeps partners and their usage (*partner.Registry).
type Partners interface {
	List(ctx context.Context) ([]feedsvc.Partner, error)
	Get(ctx context.Context, id string) (feedsvc.Partner, error)
	Create(ctx context.Context, p feedsvc.Partner) (feedsvc.Partner, string, error)
	Update(ctx context.Context, id string, change func(*feedsvc.Partner)) (feedsvc.Partner, error)
	Delete(ctx context.Context, id string) error
	Usage(ctx context.Context, id string) (feedsvc.PartnerUsage, error)
}

// partnerIn is a create or update body; on update, absent fields keep
// their value.
type partnerIn struct {
	Name          *string         `json:"name"`
	Sections      *[]string       `json:"sections"`
	Policy        *feedsvc.Policy `json:"policy"`
	ItemLimit     *int            `json:"item_limit"`
	RatePerMinute *int            `json:"rate_per_minute"`
	Enabled       *bool           `json:"enabled"`
}

// partnerOut is a partner as the API shows it: never the key hash; the
// key only in the answer to its creation.
type partnerOut struct {
	feedsvc.Partner
	Key string `json:"key,omitempty"`
}

// ListPartners lists the partners (never a key or its hash).
func (a *API) ListPartners(w http.ResponseWriter, r *http.Request) {
	if reg, ok := wired(w, a.Partners, "partners"); ok {
		list, err := reg.List(r.Context())
		out := make([]partnerOut, 0, len(list))
		for _, p := range list {
			out = append(out, show(p, ""))
		}
		a.answer(w, r, out, err)
	}
}

// GetPartner shows the partner {id}.
func (a *API) GetPartner(w http.ResponseWriter, r *http.Request) {
	if reg, ok := wired(w, a.Partners, "partners"); ok {
		p, err := reg.Get(r.Context(), r.PathValue("id"))
		a.answer(w, r, show(p, ""), err)
	}
}

// CreatePartner adds a partner and answers it with its key, shown only here (201).
func (a *API) CreatePartner(w http.ResponseWriter, r *http.Request) {
	reg, ok := wired(w, a.Partners, "partners")
	if !ok {
		return
	}
	in, ok := a.decodePartner(w, r)
	if !ok {
		return
	}
	p := feedsvc.Partner{Enabled: true}
	in.apply(&p)
	p, key, err := reg.Create(r.Context(), p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/partners/"+p.ID)
	writeJSON(w, http.StatusCreated, show(p, key))
}

// UpdatePartner changes the partner {id}: fields the body leaves out keep their value.
func (a *API) UpdatePartner(w http.ResponseWriter, r *http.Request) {
	reg, ok := wired(w, a.Partners, "partners")
	if !ok {
		return
	}
	if in, ok := a.decodePartner(w, r); ok {
		p, err := reg.Update(r.Context(), r.PathValue("id"), in.apply)
		a.answer(w, r, show(p, ""), err)
	}
}

// DeletePartner removes the partner {id} (204).
func (a *API) DeletePartner(w http.ResponseWriter, r *http.Request) {
	reg, ok := wired(w, a.Partners, "partners")
	if !ok {
		return
	}
	if err := reg.Delete(r.Context(), r.PathValue("id")); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// PartnerUsage shows the partner {id}'s usage.
func (a *API) PartnerUsage(w http.ResponseWriter, r *http.Request) {
	if reg, ok := wired(w, a.Partners, "partners"); ok {
		u, err := reg.Usage(r.Context(), r.PathValue("id"))
		a.answer(w, r, u, err)
	}
}

// decodePartner reads a body and checks its sections name known ones.
func (a *API) decodePartner(w http.ResponseWriter, r *http.Request) (partnerIn, bool) {
	var in partnerIn
	if err := decode(w, r, &in); err != nil {
		a.fail(w, r, err)
		return in, false
	}
	if in.Sections != nil {
		for _, slug := range *in.Sections {
			if slug != "*" && !slices.ContainsFunc(a.Catalog.Sections(), func(s feedsvc.Section) bool { return s.Slug == slug }) {
				writeError(w, http.StatusBadRequest, "sections: no section with slug "+slug, "sections")
				return in, false
			}
		}
	}
	return in, true
}

func (in partnerIn) apply(p *feedsvc.Partner) {
	if in.Name != nil {
		p.Name = *in.Name
	}
	if in.Sections != nil {
		p.Sections = *in.Sections
	}
	if in.Policy != nil {
		p.Policy = *in.Policy
	}
	if in.ItemLimit != nil {
		p.ItemLimit = *in.ItemLimit
	}
	if in.RatePerMinute != nil {
		p.RatePerMinute = *in.RatePerMinute
	}
	if in.Enabled != nil {
		p.Enabled = *in.Enabled
	}
}

func show(p feedsvc.Partner, key string) partnerOut {
	p.KeyHash = ""
	return partnerOut{Partner: p, Key: key}
}
