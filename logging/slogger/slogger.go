// Package slogger adapts a log/slog logger to the logging.Logger that
// clients take (Options.Logger), so that SDK logs join an application's
// structured logs without an adapter of the user's own.
//
// Each line the client writes about a call carries the fields service,
// operation and, where they apply, attempt and request_id; the message is
// the same text a plain logger gets. Secrets are redacted before the text
// is built, so no field ever holds one.
//
//	client := appstream.New(appstream.Options{
//		Logger:        slogger.New(slog.Default()),
//		ClientLogMode: aws.LogRequest | aws.LogResponse | aws.LogRetries,
//	})
package slogger

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/aws/smithy-go/logging"
)

// Logger writes client logs to a *slog.Logger. It implements smithy-go's
// logging.Logger and the structured form the client prefers when a logger
// offers it.
type Logger struct {
	l *slog.Logger
}

// New returns a Logger writing to l; nil means slog.Default().
func New(l *slog.Logger) *Logger {
	if l == nil {
		l = slog.Default()
	}
	return &Logger{l: l}
}

var _ logging.Logger = (*Logger)(nil)

// level maps smithy-go's classifications: Warn to slog's warning level,
// everything else (the client only logs Debug) to debug.
func level(cls logging.Classification) slog.Level {
	if cls == logging.Warn {
		return slog.LevelWarn
	}
	return slog.LevelDebug
}

// Logf logs a formatted message without fields, for code that logs through
// the plain interface.
func (l *Logger) Logf(cls logging.Classification, format string, v ...any) {
	lv := level(cls)
	if !l.l.Enabled(context.Background(), lv) {
		return
	}
	l.l.Log(context.Background(), lv, fmt.Sprintf(format, v...))
}

// LogFields logs msg with key/value fields; the client calls it with
// service, operation, attempt and request_id.
func (l *Logger) LogFields(cls logging.Classification, msg string, keyvals ...any) {
	l.l.Log(context.Background(), level(cls), msg, keyvals...)
}
