// Package v2compat holds code written the way aws-sdk-go-v2 users write it
// for AppStream and WorkSpaces, with only the imports changed. It exists to
// be compiled: if a generated name or type drifts from aws-sdk-go-v2's, the
// build fails here.
package v2compat
