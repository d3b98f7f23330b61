"""Service-area shapes (HSDS ``service_area.extent``) and whether a person's point lies in one.

HSDS 3.0 gives an area's ``extent`` as text in the format ``extent_type`` names ("geojson",
"topojson", "kml" or "text"). We read GeoJSON: Polygon and MultiPolygon geometries (also
inside a Feature, FeatureCollection or GeometryCollection), tested with GEOS through shapely
(prepared once per shape, so a match asks a few microseconds per service), and a Point with a
radius in metres (a Feature whose ``properties.radius`` is set, the convention map editors
use for circles; GeoJSON itself has no circle), tested as great-circle distance. GeoJSON
positions are ``[longitude, latitude]`` in WGS84 (RFC 7946 section 3.1.1).
"""

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

EARTH_RADIUS_M = 6_371_008.8
_AREAS = frozenset({"Polygon", "MultiPolygon"})


class ExtentError(ValueError):
    """An extent that is not GeoJSON we can test (the reader reports the service area)."""


class Extent:
    """One area: a polygon (or several), or a circle around a point."""

    __slots__ = ("_circle", "_key", "_shape")

    def __init__(
        self,
        shape: BaseGeometry | None = None,
        circle: tuple[float, float, float] | None = None,
    ) -> None:
        if (shape is None) == (circle is None):
            msg = "an extent is a shape or a circle"
            raise ExtentError(msg)
        self._shape = shape
        self._circle = circle
        if shape is not None:
            shapely.prepare(shape)
        self._key: object = circle if shape is None else shapely.to_wkb(shape)

    @property
    def circle(self) -> tuple[float, float, float] | None:
        """(latitude, longitude, radius in metres) for a circle; None for a polygon."""
        return self._circle

    def covers(self, latitude: float, longitude: float) -> bool:
        """True when the point is inside (or on the edge of) the area."""
        if self._circle is not None:
            lat, lon, radius = self._circle
            return _metres(lat, lon, latitude, longitude) <= radius
        assert self._shape is not None  # noqa: S101 - one of the two is set (__init__)
        return bool(shapely.intersects_xy(self._shape, longitude, latitude))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Extent) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        kind = "circle" if self._circle is not None else self._shape.geom_type  # type: ignore[union-attr]
        return f"Extent({kind})"


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def read_geojson(text: str) -> tuple[Extent, ...]:
    """The areas in a GeoJSON text; raises :class:`ExtentError` naming what is wrong."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError):
        msg = "expected GeoJSON text"
        raise ExtentError(msg) from None
    extents = tuple(_extents(data, None))
    if not extents:
        msg = "expected a GeoJSON Polygon, MultiPolygon, or Point with a radius"
        raise ExtentError(msg)
    return extents


def _extents(data: Any, properties: Mapping[str, Any] | None) -> Iterator[Extent]:
    if not isinstance(data, Mapping):
        msg = "expected a GeoJSON object"
        raise ExtentError(msg)
    kind = data.get("type")
    if kind == "FeatureCollection":
        for feature in _list(data, "features"):
            yield from _extents(feature, None)
    elif kind == "Feature":
        props = data.get("properties")
        yield from _extents(data.get("geometry"), props if isinstance(props, Mapping) else {})
    elif kind == "GeometryCollection":
        for geometry in _list(data, "geometries"):
            yield from _extents(geometry, properties)
    elif kind in _AREAS:
        yield Extent(_shape(data))
    elif kind == "Point":
        yield _circle(data, properties)
    else:
        msg = f"a GeoJSON {kind!s} is not an area"
        raise ExtentError(msg)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        msg = f"expected a list in '{key}'"
        raise ExtentError(msg)
    return value


def _shape(data: Mapping[str, Any]) -> BaseGeometry:
    try:
        shape = shapely.geometry.shape(dict(data))
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        msg = f"expected valid {data.get('type')} coordinates [longitude, latitude]"
        raise ExtentError(msg) from None
    if shape.is_empty or not shape.is_valid:
        shape = shapely.make_valid(shape)
    if shape.is_empty:
        msg = f"the {data.get('type')} encloses no area"
        raise ExtentError(msg)
    minx, miny, maxx, maxy = shape.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        msg = "expected WGS84 [longitude, latitude] positions in range"
        raise ExtentError(msg)
    return shape


def _circle(data: Mapping[str, Any], properties: Mapping[str, Any] | None) -> Extent:
    radius = (properties or {}).get("radius")
    if isinstance(radius, bool) or not isinstance(radius, (int, float)) or not radius > 0:
        msg = "a Point needs properties.radius (metres, above 0) to be an area"
        raise ExtentError(msg)
    position = data.get("coordinates")
    if (
        not isinstance(position, list)
        or len(position) < 2
        or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in position[:2])
    ):
        msg = "expected Point coordinates [longitude, latitude]"
        raise ExtentError(msg)
    lon, lat = float(position[0]), float(position[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90 and math.isfinite(radius)):
        msg = "expected WGS84 [longitude, latitude] positions in range"
        raise ExtentError(msg)
    return Extent(circle=(lat, lon, float(radius)))
