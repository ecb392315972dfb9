package stscreds_test

import "errors"

func asAPIError(err error, target *interface{ ErrorCode() string }) bool {
	return errors.As(err, target)
}
