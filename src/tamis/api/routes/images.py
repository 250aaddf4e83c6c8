"""POST /v1/images/redact: the image with every face blurred, in its original format."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from tamis.api.deps import Moderator, StateDep
from tamis.api.routes.moderate import _image_bytes
from tamis.privacy.redact import MARGIN, redact_image

router = APIRouter(prefix="/v1/images", tags=["images"])

FACES_HEADER = "X-Tamis-Faces"
_IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")


@router.post(
    "/redact",
    response_class=Response,
    responses={
        200: {
            "description": "The redacted image, in the format it was sent in (other formats "
            "come back as PNG). The header X-Tamis-Faces gives the number of faces blurred.",
            "content": {
                t: {"schema": {"type": "string", "format": "binary"}} for t in _IMAGE_TYPES
            },
            "headers": {FACES_HEADER: {"schema": {"type": "integer"}}},
        }
    },
)
async def redact(
    request: Request,
    who: Moderator,
    state: StateDep,
    method: Annotated[Literal["blur", "pixelate", "fill"], Query()] = "blur",
    margin: Annotated[float, Query(ge=0.0, le=2.0)] = MARGIN,
) -> Response:
    """Multipart upload (field `file`), JSON with `image_base64`, or JSON with an `url`
    fetched server-side, as for /v1/moderate/image. Nothing is stored."""
    del who  # the scope check is the point
    data, _ = await _image_bytes(request, state)
    result = await run_in_threadpool(
        redact_image,
        data,
        method=method,
        margin=margin,
        max_bytes=state.settings.max_body_bytes,
        max_pixels=state.settings.max_image_pixels,
    )
    return Response(
        result.data,
        media_type=result.mime,
        headers={FACES_HEADER: str(result.faces), "Cache-Control": "no-store"},
    )
