"""The campaign form's values, errors and picture, shared by organisations (via their link) and organisers."""

import reflex as rx

from kongres_app.offload import in_thread
from kongres_app.services import images
from kongres_app.services.campaigns import CampaignInput
from kongres_app.states.events import event
from kongres_app.states.ui import ErrorItem, field_id, focus

FIELDS = (
    "title",
    "org_name",
    "gmina",
    "category",
    "blurb",
    "description",
    "goal_pln",
    "raised_pln",
    "supporters",
    "starts_on",
    "ends_on",
    "platform",
    "external_url",
    "progress_source_url",
    "image_alt",
)
UPLOAD_ID = "zdjecie-zbiorki"


class CampaignFormMixin(rx.State, mixin=True):
    values: dict[str, str] = {}  # noqa: RUF012
    hide_amounts: bool = False
    image_path: str = ""
    image_error: str = ""
    errors: dict[str, str] = {}  # noqa: RUF012
    error_items: list[ErrorItem] = []  # noqa: RUF012
    form_error: str = ""

    async def _may_upload(self) -> bool:
        raise NotImplementedError

    @event
    def set_value(self, name: str, value: str):
        if name in FIELDS:
            self.values = {**self.values, name: str(value)[:6000]}

    @event
    def set_hide_amounts(self, checked: bool):
        self.hide_amounts = bool(checked)

    @event
    def picture_rejected(self, codes: list):
        """The browser refused the chosen file (react-dropzone's error codes, per file)."""
        found = {
            str(code)[:40]
            for per_file in (codes if isinstance(codes, list) else [])[:5]
            for code in (per_file if isinstance(per_file, list) else [])[:5]
        }
        if "file-too-large" in found:
            self.image_error = f"Zdjęcie może mieć najwyżej {images.MAX_BYTES // (1024 * 1024)} MB."
        elif "too-many-files" in found:
            self.image_error = "Wybierz jedno zdjęcie."
        else:
            self.image_error = images.NOT_AN_IMAGE

    @event
    async def upload_image(self, files: list[rx.UploadFile]):
        if not await self._may_upload():
            self.image_error = "Brak uprawnień do dodania zdjęcia."
            return None
        if not files:
            self.image_error = "Wybierz plik ze zdjęciem."
            return None
        data = await files[0].read(images.MAX_BYTES + 1)
        try:
            self.image_path, self.image_error = await in_thread(images.store, data), ""
        except images.ImageError as exc:
            self.image_error = exc.message
        return rx.clear_selected_files(UPLOAD_ID)

    def _input(self, **fixed: str) -> CampaignInput:
        values = {name: self.values.get(name, "") for name in FIELDS} | fixed
        return CampaignInput(**values, hide_amounts=self.hide_amounts, image_path=self.image_path)

    def _show_errors(self, errors: dict[str, str], message: str, summary_id: str):
        self.errors = {k: v for k, v in errors.items() if k}
        self.error_items = [ErrorItem(field_id(f"campaign.{k}"), v) for k, v in self.errors.items()]
        self.form_error = message
        return focus(summary_id)

    def _clear(self) -> None:
        self.values, self.hide_amounts, self.image_path, self.image_error = {}, False, "", ""
        self.errors, self.error_items, self.form_error = {}, [], ""
