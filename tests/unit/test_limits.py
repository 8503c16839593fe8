import logging

from kongres_app.states.limits import MAX_LOG_MESSAGE_CHARS, bound_reflex_event_logs, summarise_log_message

REFLEX_WARNING = (
    "Error transforming event payload for handler RegistrationState.remove_delegate: Error transforming event "
    "argument 'index' with value '{value}' and type hint '<class 'int'>'"
)


def test_a_wrong_typed_argument_is_summarised():
    value = "B" * 150 + "' and type hint 'x" + "C" * 200_000
    line = summarise_log_message(REFLEX_WARNING.format(value=value))
    assert len(line) < 600
    assert "RegistrationState.remove_delegate" in line and "'index'" in line and "<class 'int'>" in line
    assert f"{len(value)} characters" in line and "B" * 150 in line


def test_other_long_lines_are_cut_and_short_ones_kept():
    assert summarise_log_message("krótko") == "krótko"
    cut = summarise_log_message("D" * 50_000)
    assert len(cut) < MAX_LOG_MESSAGE_CHARS + 100 and "48000 more characters" in cut


def test_the_filter_bounds_records_of_reflex_loggers(caplog):
    bound_reflex_event_logs()
    bound_reflex_event_logs()  # installing twice adds one filter
    logger = logging.getLogger("reflex_base.event.processor.base_state_processor")
    assert sum(type(f).__name__ == "BoundedLog" for f in logger.filters) == 1
    with caplog.at_level(logging.WARNING):
        logger.warning("%s", REFLEX_WARNING.format(value="E" * 100_000))
    assert len(caplog.records[-1].getMessage()) < 600
