#!/usr/bin/env python3
"""A USB headset that is plugged in becomes ALSA's default device for a running kiosk.

deploy/lib/select-headset (run by udev) writes the file the kiosk's unit adds to
ALSA_CONFIG_PATH. This plays udev's part with a made-up /proc/asound (a laptop's own
sound, a USB headset and a webcam that can only record), and plays the kiosk's part
with libasound itself, in one process as the kiosk is: each open of "default" must
go to the card the file names at that moment. There is no sound card here, so the
open fails, and alsa-lib's message names the card it looked for.

usage: headset_test.py SELECT-HEADSET
"""
import ctypes
import os
import subprocess
import sys
import tempfile

CARDS = """ 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [Headset        ]: USB-Audio - Logitech USB Headset
                      Logitech Logitech USB Headset at usb-0000:00:14.0-2, full speed
 2 [C920           ]: USB-Audio - HD Pro Webcam C920
                      HD Pro Webcam C920 at usb-0000:00:14.0-3, high speed
"""


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    script = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="wegwijzer-headset-")
    proc = os.path.join(work, "asound")
    for card, streams in (("card0", ["pcm0p", "pcm0c"]), ("card1", ["pcm0p", "pcm0c"]), ("card2", ["pcm0c"])):
        for stream in streams:
            os.makedirs(os.path.join(proc, card, stream))
    conf = os.path.join(work, "run", "asound.conf")
    env = dict(os.environ, WEGWIJZER_ASOUND_ROOT=proc, WEGWIJZER_ASOUND_CONF=conf)

    def udev(action, card):
        subprocess.run(["sh", script, card], env=dict(env, ACTION=action), check=True)

    def cards(text):
        with open(os.path.join(proc, "cards"), "w") as f:
            f.write(text)

    # The kiosk's process: ALSA_CONFIG_PATH as in wegwijzer-kiosk.service, read once at start.
    cards(CARDS.split(" 1 [")[0])
    udev("add", "0")
    os.environ["ALSA_CONFIG_PATH"] = "/usr/share/alsa/alsa.conf:" + conf
    asound = ctypes.CDLL("libasound.so.2")
    messages = os.path.join(work, "alsa.log")

    def card_asked_for():
        """The card the kiosk's next sentence would go to (alsa-lib says so on stderr)."""
        saved = os.dup(2)
        with open(messages, "w") as log:
            os.dup2(log.fileno(), 2)
            pcm = ctypes.c_void_p()
            asound.snd_pcm_open(ctypes.byref(pcm), b"default", 0, 1)
            os.dup2(saved, 2)
        os.close(saved)
        text = open(messages).read()
        for line in text.splitlines():
            if "cannot find card" in line:
                return line.split("cannot find card", 1)[1].strip(" '")
        return f"? ({text.strip()[:200]})"

    steps = [
        ("the computer's own sound", None, None, "0"),
        ("a USB headset plugged in", CARDS, ("add", "1"), "Headset"),
        ("a webcam (recording only) plugged in too", CARDS, ("add", "2"), "Headset"),
        ("the headset unplugged (still listed while udev runs)", CARDS, ("remove", "1"), "0"),
    ]
    for what, listing, event, expected in steps:
        if listing:
            cards(listing)
        if event:
            udev(*event)
        got = card_asked_for()
        if got != expected:
            fail(f"{what}: speech would go to card {got}, not {expected}\n{open(conf).read()}")
        print(f"{what}: speech goes to card {got}")
    print("headset: ok")


if __name__ == "__main__":
    main()
