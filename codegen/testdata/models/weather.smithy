$version: "2"

namespace example.weather

use aws.api#service
use aws.auth#sigv4
use aws.protocols#awsJson1_1

/// A tiny weather service: the worked example of generating a client for your own model.
@service(sdkId: "Weather")
@sigv4(name: "weather")
@awsJson1_1
@title("Example Weather Service")
service Weather {
    version: "2024-01-01"
    operations: [GetForecast, ListCities]
}

/// Returns the forecast for a city.
@readonly
operation GetForecast {
    input := {
        @required
        CityId: CityId

        @range(min: 1, max: 14)
        Days: Integer
    }

    output := {
        CityId: CityId
        Days: DayList
    }

    errors: [CityNotFound]
}

@readonly
@paginated(inputToken: "NextToken", outputToken: "NextToken", pageSize: "MaxResults", items: "Cities")
operation ListCities {
    input := {
        NextToken: String
        MaxResults: Integer
    }

    output := {
        @required
        Cities: CityList

        NextToken: String
    }
}

list DayList {
    member: Day
}

structure Day {
    Date: Timestamp
    HighCelsius: Double
    Sky: Sky
    Precipitation: Precipitation
}

enum Sky {
    CLEAR = "clear"
    CLOUDY = "cloudy"
}

union Precipitation {
    /// Millimetres of rain.
    Rain: Double

    /// Centimetres of snow.
    Snow: Double
}

list CityList {
    member: City
}

structure City {
    @required
    CityId: CityId

    @required
    Name: String
}

@pattern("^[a-z0-9-]+$")
string CityId

/// No city has that id.
@error("client")
@httpError(404)
structure CityNotFound {
    message: String
}
