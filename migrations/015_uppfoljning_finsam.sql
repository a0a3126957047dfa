-- SUS closed for Finsam on 30 April 2023; the national follow-up is Uppföljning Finsam. Built-in deadlines already
-- written under the old kind and key ('sus:2025') are renamed, so the planner finds them and does not add a second one.

UPDATE deadlines
SET kind = 'uppfoljning-finsam',
    key = 'uppfoljning-finsam:' || substr(key, 5),
    title = json_object(
        'sv', 'Uppföljning Finsam: insatser och deltagare ' || substr(key, 5) || ' registrerade',
        'en', 'Uppföljning Finsam registration for ' || substr(key, 5)
    ),
    source = json_object(
        'sv', 'Försäkringskassans Uppföljning Finsam (nationell statistik; ersatte SUS 2023); förbundets kalender',
        'en', 'Uppföljning Finsam (Försäkringskassan; replaced SUS in 2023); the förbund’s calendar'
    )
WHERE kind = 'sus' AND key GLOB 'sus:[0-9][0-9][0-9][0-9]';
