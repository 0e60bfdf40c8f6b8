"""What the store writes of a model object does not depend on the process that writes it."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

from linimasa.model import Event, Participant, to_dict


def test_an_event_s_fields_are_written_in_the_order_the_model_declares_them():
    event = Event(id="ev-1", type="CONSULT", participants=[Participant(name="Adi Nugroho")])
    assert list(to_dict(event)) == [f.name for f in dataclasses.fields(Event)]
    assert list(to_dict(event)["participants"][0]) == [f.name for f in dataclasses.fields(Participant)]


def test_two_processes_with_different_string_hashing_write_the_same_json():
    code = ("from linimasa.model import Event, Participant; "
            "print(Event(id='ev-1', type='CONSULT', participants=[Participant(name='Adi')]).to_json())")
    written = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(written) == 1 and json.loads(written.pop())["id"] == "ev-1"
