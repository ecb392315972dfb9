// Package eucsdk holds the go:generate lines that regenerate the service
// clients from the upstream Smithy models kept beside the checkout
// (../shared/models) and our overlays (models/).
package eucsdk

//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/releases/appstream/2026-04-16.json -overlay models/appstream.overlay.json -package appstream -import github.com/eucsdk/eucsdk/appstream -out appstream
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/releases/workspaces/2026-04-27.json -overlay models/workspaces.overlay.json -package workspaces -import github.com/eucsdk/eucsdk/workspaces -out workspaces
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/sts-2011-06-15.json -overlay models/sts.overlay.json -package sts -import github.com/eucsdk/eucsdk/sts -out sts
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/sso-2019-06-10.json -package sso -import github.com/eucsdk/eucsdk/sso -out sso
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/sso-oidc-2019-06-10.json -package ssooidc -import github.com/eucsdk/eucsdk/ssooidc -out ssooidc
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/signin-2023-01-01.json -package signin -import github.com/eucsdk/eucsdk/signin -out signin
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/s3-2006-03-01.json -package s3 -import github.com/eucsdk/eucsdk/internal/s3 -out internal/s3
//go:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model ../shared/models/corpus-protocols/lambda-2015-03-31.json -package lambda -import github.com/eucsdk/eucsdk/internal/lambda -out internal/lambda
