package ssocreds_test

import (
	"errors"

	"github.com/eucsdk/eucsdk/credentials/ssocreds"
)

func asInvalid(err error, target **ssocreds.InvalidTokenError) bool { return errors.As(err, target) }
