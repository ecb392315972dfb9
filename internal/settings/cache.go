package settings

import (
	"os"
	"sync"
	"time"

	"github.com/eucsdk/eucsdk/internal/settings/ini"
)

// Building a client reads the shared config and credentials files for the
// settings the caller left unset. Parsing them on every New costs more than
// the rest of New together, so the parsed profile is kept and reused while
// every file still has the same size, modification time and existence.

type fileStamp struct {
	exists bool
	size   int64
	mod    time.Time
}

type cachedProfile struct {
	stamps  []fileStamp
	profile ini.Profile
	err     error
}

var profileCache sync.Map // profileKey or string → *cachedProfile

type profileKey struct{ name, config, credentials string }

func stampFiles(dst []fileStamp, files []string) []fileStamp {
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			dst = append(dst, fileStamp{})
			continue
		}
		dst = append(dst, fileStamp{exists: true, size: st.Size(), mod: st.ModTime()})
	}
	return dst
}

func sameStamps(a, b []fileStamp) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].exists != b[i].exists || a[i].size != b[i].size || !a[i].mod.Equal(b[i].mod) {
			return false
		}
	}
	return true
}

// loadProfile is ini.LoadProfile with the cache above. The profile's values
// are only read, so callers may share it.
func loadProfile(configFiles, credentialsFiles []string, name string) (ini.Profile, error) {
	var key any = profileKey{name: name}
	if len(configFiles) <= 1 && len(credentialsFiles) <= 1 {
		k := profileKey{name: name}
		if len(configFiles) == 1 {
			k.config = configFiles[0]
		}
		if len(credentialsFiles) == 1 {
			k.credentials = credentialsFiles[0]
		}
		key = k
	} else {
		s := name
		for _, f := range configFiles {
			s += "\x00c" + f
		}
		for _, f := range credentialsFiles {
			s += "\x00s" + f
		}
		key = s
	}
	var buf [4]fileStamp
	stamps := stampFiles(stampFiles(buf[:0], configFiles), credentialsFiles)
	if v, ok := profileCache.Load(key); ok {
		if c := v.(*cachedProfile); sameStamps(c.stamps, stamps) {
			return c.profile, c.err
		}
	}
	p, err := ini.LoadProfile(configFiles, credentialsFiles, name)
	// A file changed while it was read gets a fresh look next time.
	if after := stampFiles(nil, append(append([]string(nil), configFiles...), credentialsFiles...)); sameStamps(after, stamps) {
		profileCache.Store(key, &cachedProfile{stamps: after, profile: p, err: err})
	}
	return p, err
}
