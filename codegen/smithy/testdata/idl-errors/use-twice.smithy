$version: "2"
namespace ex

use other.a#Name
use other.b#Name
