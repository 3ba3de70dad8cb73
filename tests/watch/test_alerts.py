"""Alert channels against a real receiver on 127.0.0.1 and a real SQLite store: signed
webhooks with retries, JSON Lines, and no flag sent twice to one channel."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest

from wirewatch.errors import DeliveryError, DeliveryRefusedError
from wirewatch.model import Evidence
from wirewatch.store import Store
from wirewatch.watch.alerts import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    JsonLines,
    Webhook,
    deliver,
    follows,
)
from wirewatch.watch.flags import Flag

SECRET = "s3cret"


def flag(n: int = 1) -> Flag:
    return Flag(flag_id=f"un-dprk:workers-abroad:I{n}", pack="un-dprk", rule="workers-abroad",
                title="DPRK nationals working abroad", provision="UNSCR 2397 OP8", summary="s",
                subject=f"I{n}", rationale="Kim agreed to send 5,000 workers.", confidence="low",
                reasons=("planned, not yet carried out",), sources=1, day=None,
                evidence=(Evidence("a1", 0, 10, "Kim agreed"),))


def webhook(receiver, **options) -> Webhook:
    waits: list[float] = []
    hook = Webhook(receiver.url, SECRET, sleep=waits.append, **options)
    hook.waits = waits  # type: ignore[attr-defined]
    return hook


def test_a_webhook_posts_signed_json(receiver):
    webhook(receiver).send(flag())
    [(headers, body)] = receiver.requests
    assert json.loads(body)["flag_id"] == "un-dprk:workers-abroad:I1"
    timestamp = headers[TIMESTAMP_HEADER]
    assert abs(int(timestamp) - time.time()) < 60
    signed = timestamp.encode() + b"." + body
    expected = "sha256=" + hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers[SIGNATURE_HEADER].encode(), expected.encode())
    wrong = "sha256=" + hmac.new(b"other", signed, hashlib.sha256).hexdigest()
    assert headers[SIGNATURE_HEADER] != wrong
    assert headers[DELIVERY_HEADER] == "un-dprk:workers-abroad:I1"
    assert headers["Content-Type"] == "application/json"


def test_a_webhook_retries_server_errors_with_back_off(receiver):
    receiver.fail_first = 2
    hook = webhook(receiver)
    hook.send(flag())
    assert receiver.attempts == 3
    assert hook.waits == [0.5, 1.0]
    bodies = {body for _, body in receiver.requests}
    assert len(bodies) == 1  # the same signed body each time


def test_a_webhook_gives_up_after_its_attempts_and_does_not_retry_a_refusal(receiver):
    receiver.fail_first = -1
    with pytest.raises(DeliveryError, match="HTTP 500 \\(after 4 attempt"):
        webhook(receiver).send(flag())
    assert receiver.attempts == 4
    receiver.attempts, receiver.status = 0, 400
    with pytest.raises(DeliveryRefusedError, match="refused flag .* HTTP 400"):
        webhook(receiver).send(flag())
    assert receiver.attempts == 1


def test_an_unreachable_webhook_fails_cleanly():
    hook = Webhook("http://127.0.0.1:9/hook", SECRET, attempts=2, sleep=lambda _: None, timeout=2)
    with pytest.raises(DeliveryError, match="ConnectError"):
        hook.send(flag())


def test_a_webhook_needs_a_secret_and_an_http_url(receiver):
    with pytest.raises(DeliveryError, match="WIREWATCH_WEBHOOK_SECRET"):
        Webhook(receiver.url, "")
    with pytest.raises(DeliveryError, match="not an http"):
        Webhook("ftp://127.0.0.1/hook", SECRET)


def test_each_flag_goes_once_per_channel_and_failures_wait_for_the_next_run(receiver, tmp_path):
    lines = tmp_path / "alerts.jsonl"
    with Store(tmp_path / "w.db") as store:
        channels = [JsonLines(lines), webhook(receiver)]
        receiver.fail_first = -1  # the receiver is down
        first = deliver(store, [flag(1), flag(2)], channels)
        assert first.sent == 2 and len(first.failed) == 1  # both in the file, the hook stopped
        assert receiver.attempts == 4  # one flag's retries, then the channel waits
        receiver.fail_first, receiver.attempts, receiver.requests = 0, 0, []
        second = deliver(store, [flag(1), flag(2)], channels)
        assert second.sent == 2 and not second.failed
        assert sorted(json.loads(b)["subject"] for _, b in receiver.requests) == ["I1", "I2"]
        assert deliver(store, [flag(1), flag(2)], channels).sent == 0
    written = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert [w["subject"] for w in written] == ["I1", "I2"]
    assert written[0]["evidence"][0]["quote"] == "Kim agreed"


def test_an_unwritable_jsonl_file_is_a_delivery_error(tmp_path):
    with pytest.raises(DeliveryError, match="cannot write the alert"):
        JsonLines(tmp_path / "missing" / "alerts.jsonl").send(flag())


def test_a_refused_flag_is_recorded_and_does_not_hold_up_the_rest(receiver, tmp_path):
    receiver.fail_first, receiver.status = 1, 413  # the receiver refuses the first flag
    with Store(tmp_path / "w.db") as store:
        hook = webhook(receiver)
        first = deliver(store, [flag(1), flag(2)], [hook])
        assert first.sent == 1 and isinstance(first.failed[0], DeliveryRefusedError)
        assert deliver(store, [flag(1), flag(2)], [hook]).sent == 0  # neither is sent again
    assert [json.loads(b)["subject"] for _, b in receiver.requests] == ["I1", "I2"]


def test_a_token_in_the_webhook_url_is_neither_stored_nor_shown(tmp_path):
    hook = Webhook("http://user:pw@127.0.0.1:9/hook/T0KEN?key=SECRETKEY", SECRET, attempts=1,
                   sleep=lambda _: None, timeout=2)
    with pytest.raises(DeliveryError) as caught:
        hook.send(flag())
    assert "SECRETKEY" not in caught.value.message and "pw" not in caught.value.message
    assert "http://127.0.0.1:9/hook/T0KEN?..." in caught.value.message
    assert "SECRETKEY" not in hook.name and hook.name.startswith("webhook:")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_moved_webhook_gets_the_same_signed_post_at_its_new_address(receiver, status):
    base = receiver.url.rsplit("/", 1)[0]
    receiver.redirects = {"/old": (status, "/moved"), "/moved": (status, f"{base}/hook")}
    hook = Webhook(base + "/old", SECRET, sleep=lambda _: None)
    hook.send(flag())
    assert receiver.paths == ["/old", "/moved", "/hook"]  # POSTed at each hop, not a GET
    [(headers, body)] = receiver.requests
    assert json.loads(body)["flag_id"] == "un-dprk:workers-abroad:I1"
    signed = headers[TIMESTAMP_HEADER].encode() + b"." + body
    assert headers[SIGNATURE_HEADER] == "sha256=" + hmac.new(SECRET.encode(), signed,
                                                              hashlib.sha256).hexdigest()


def test_redirects_that_downgrade_or_never_end_are_retried_not_refused(receiver):
    base = receiver.url.rsplit("/", 1)[0]
    receiver.redirects = {"/old": (307, "http://127.0.0.1:9/elsewhere")}  # same scheme: followed
    with pytest.raises(DeliveryError) as caught:
        Webhook(base + "/old", SECRET, attempts=2, sleep=lambda _: None, timeout=2).send(flag())
    assert not isinstance(caught.value, DeliveryRefusedError)  # an unreachable target: retried
    receiver.paths.clear()
    receiver.redirects = {"/down": (301, "ftp://127.0.0.1/hook")}  # not http(s): not followed
    with pytest.raises(DeliveryError, match="HTTP 301 redirecting to ftp") as caught:
        Webhook(base + "/down", SECRET, attempts=2, sleep=lambda _: None).send(flag())
    assert not isinstance(caught.value, DeliveryRefusedError) and receiver.paths == ["/down"] * 2
    receiver.paths.clear()
    receiver.redirects = {"/loop": (307, "/loop")}
    with pytest.raises(DeliveryError, match="HTTP 307 after 5 redirects") as caught:
        Webhook(base + "/loop", SECRET, attempts=1, sleep=lambda _: None).send(flag())
    assert not isinstance(caught.value, DeliveryRefusedError) and len(receiver.paths) == 6


@pytest.mark.parametrize("status, refused", [(404, True), (410, True), (422, True),
                                             (408, False), (429, False), (500, False),
                                             (503, False), (304, False)])
def test_only_4xx_answers_other_than_408_and_429_refuse_for_good(receiver, status, refused):
    receiver.fail_first, receiver.status = -1, status
    hook = webhook(receiver, attempts=3)
    with pytest.raises(DeliveryError) as caught:
        hook.send(flag())
    assert isinstance(caught.value, DeliveryRefusedError) == refused
    assert receiver.attempts == (1 if refused else 3)
    assert f"HTTP {status}" in caught.value.message


def test_a_refusal_is_recorded_with_its_answer_and_can_be_sent_again(receiver, tmp_path):
    receiver.fail_first, receiver.status = -1, 404
    with Store(tmp_path / "w.db") as store:
        hook = webhook(receiver)
        deliver(store, [flag(1)], [hook])
        [refused] = store.refused_alerts()
        assert (refused.flag_id, refused.channel) == ("un-dprk:workers-abroad:I1", hook.name)
        assert "HTTP 404" in (refused.detail or "")
        assert store.forget_refused(["terminal"]) == 0  # another channel's refusals stay
        assert store.forget_refused([hook.name]) == 1 and store.refused_alerts() == []
        receiver.fail_first = 0
        assert deliver(store, [flag(1)], [hook]).sent == 1
        assert store.alerted(hook.name) == {"un-dprk:workers-abroad:I1"}


@pytest.mark.parametrize(("current", "target", "followed"), [
    ("http://a/hook", "http://b/hook", True), ("http://a/hook", "https://a/hook", True),
    ("https://a/hook", "https://b/hook", True), ("https://a/hook", "http://a/hook", False),
    ("http://a/hook", "ftp://a/hook", False), ("https://a/hook", "file:///etc/passwd", False),
])
def test_redirects_keep_to_their_scheme_or_go_to_https(current, target, followed):
    assert follows(current, target) is followed


@pytest.mark.parametrize("location", ["https://[bad/", "http://127.0.0.1:99999/hook"])
def test_a_redirect_to_no_url_at_all_is_retried_not_a_crash(receiver, location):
    base = receiver.url.rsplit("/", 1)[0]
    receiver.redirects = {"/old": (307, location)}
    with pytest.raises(DeliveryError) as caught:
        Webhook(base + "/old", SECRET, attempts=2, sleep=lambda _: None).send(flag())
    assert not isinstance(caught.value, DeliveryRefusedError)
    assert "(after 2 attempt(s))" in caught.value.message
