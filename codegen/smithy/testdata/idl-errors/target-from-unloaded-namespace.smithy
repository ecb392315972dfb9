$version: "2"
namespace ex

use other.pkg#Money

structure Price {
    amount: Money
}
