$version: "2"
namespace ex

use smithy.api#Strin

structure Person {
    name: Strin
}
