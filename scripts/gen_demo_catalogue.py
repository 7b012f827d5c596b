#!/usr/bin/env python3
"""Generates src/demo/catalogue.json, the demo pool loaded on first start.

Run by hand when the demo changes; the output is committed (the build does not need Python).
Deterministic: the same script always writes the same file.
"""
import json
import pathlib

CATEGORIES = [
    ("tablettes", "Tablettes", "Tablets"),
    ("robotique", "Robotique", "Robotics"),
    ("audio", "Audio et radio", "Audio and radio"),
    ("video", "Vidéo et photo", "Video and photo"),
    ("rv", "Réalité virtuelle", "Virtual reality"),
    ("visualiseurs", "Visualiseurs et projection", "Document cameras and projection"),
    ("programmation", "Programmation et électronique", "Coding and electronics"),
    ("impression3d", "Impression 3D", "3D printing"),
    ("sciences", "Sciences et nature", "Science and nature"),
]

TRAININGS = [
    ("f-robotique", "Robotique pédagogique", "Educational robotics", 3),
    ("f-tablettes", "Tablettes en classe", "Tablets in the classroom", None),
    ("f-rv", "Réalité virtuelle en classe", "Virtual reality in class", 2),
    ("f-impression3d", "Impression 3D : sécurité et usages", "3D printing: safety and uses", 3),
    ("f-radio", "Radio scolaire et podcast", "School radio and podcasts", None),
    ("f-microbit", "Programmer avec micro:bit", "Coding with micro:bit", None),
]

# id, category, name, fr description, en description, trainings, units, label prefix, value (EUR), kit size, max weeks
MODELS = [
    ("ipad-valise-16", "tablettes", "Valise de 16 iPad (10e génération)", "Une valise de 16 tablettes avec chargeur commun, applications de création installées.", "A case of 16 tablets with a shared charger and creative apps installed.", ["f-tablettes"], 8, "TAB", 6400, 16, 8),
    ("tablette-android-8", "tablettes", "Valise de 8 tablettes Android", "Huit tablettes robustes pour les petits groupes, coques antichoc.", "Eight rugged tablets for small groups, shockproof cases.", [], 6, "TAB", 1900, 8, 8),
    ("ipad-individuel", "tablettes", "iPad individuel avec stylet", "Une tablette avec stylet pour l'enseignant ou un élève à besoins particuliers.", "One tablet with a stylus for the teacher or a pupil with special needs.", [], 10, "TAB", 520, None, 12),
    ("liseuse-6", "tablettes", "Lot de 6 liseuses", "Six liseuses à encre électronique pour les projets lecture.", "Six e-ink readers for reading projects.", [], 4, "TAB", 780, 6, 8),
    ("thymio", "robotique", "Robot Thymio II", "Robot éducatif programmable avec Scratch, Blockly ou VPL, à partir du CP.", "Educational robot programmed with Scratch, Blockly or VPL, from age 6.", ["f-robotique"], 24, "ROB", 169, None, 8),
    ("bluebot", "robotique", "Robot Blue-Bot", "Robot de sol pour apprendre à se repérer et à coder dès la maternelle.", "Floor robot to learn orientation and coding from nursery school.", [], 18, "ROB", 119, None, 8),
    ("lego-spike", "robotique", "Lego Education Spike Prime", "Kit de robotique à construire et programmer, cycle 3.", "Robotics kit to build and program, ages 9 to 11.", ["f-robotique"], 10, "ROB", 420, None, 6),
    ("mbot", "robotique", "Robot mBot 2", "Robot roulant programmable avec capteurs, cycle 3.", "Programmable wheeled robot with sensors, ages 9 to 11.", ["f-robotique"], 12, "ROB", 139, None, 8),
    ("beebot-tapis", "robotique", "Tapis et cartes Bee-Bot", "Tapis quadrillés et cartes de programmation pour les robots de sol.", "Grid mats and coding cards for floor robots.", [], 6, "ROB", 60, None, 10),
    ("enregistreur-zoom", "audio", "Enregistreur Zoom H1n", "Enregistreur numérique de poche pour reportages et lectures.", "Pocket digital recorder for reports and readings.", [], 12, "AUD", 110, None, 8),
    ("valise-radio", "audio", "Valise radio scolaire", "Table de mixage, quatre micros et casques pour une émission en classe.", "Mixer, four microphones and headphones for a class broadcast.", ["f-radio"], 3, "AUD", 1450, None, 6),
    ("casques-audio-10", "audio", "Lot de 10 casques audio", "Casques légers avec répartiteurs pour l'écoute en groupe.", "Light headphones with splitters for group listening.", [], 6, "AUD", 250, 10, 10),
    ("micro-usb", "audio", "Micro USB de podcast", "Micro cardioïde USB avec bras articulé.", "Cardioid USB microphone with arm.", [], 8, "AUD", 95, None, 8),
    ("camera-sport", "video", "Caméra d'action", "Petite caméra étanche avec fixations, pour filmer sorties et expériences.", "Small waterproof camera with mounts, to film outings and experiments.", [], 8, "VID", 260, None, 6),
    ("kit-stop-motion", "video", "Kit d'animation image par image", "Tablette, support, éclairage et décors pour réaliser un film d'animation.", "Tablet, stand, lights and sets to make a stop-motion film.", [], 5, "VID", 480, None, 6),
    ("fond-vert", "video", "Fond vert portable", "Fond vert pliable et deux projecteurs LED.", "Foldable green screen and two LED lights.", [], 4, "VID", 210, None, 6),
    ("appareil-photo", "video", "Appareil photo numérique compact", "Appareil photo simple et robuste pour les élèves.", "Simple, rugged camera for pupils.", [], 10, "VID", 180, None, 8),
    ("casque-rv", "rv", "Casque de réalité virtuelle autonome", "Casque autonome avec visites virtuelles de musées et de sites naturels.", "Standalone headset with virtual tours of museums and natural sites.", ["f-rv"], 12, "RV", 450, None, 4),
    ("valise-rv-6", "rv", "Valise de 6 casques RV", "Six casques synchronisés pilotés depuis la tablette de l'enseignant.", "Six synchronised headsets driven from the teacher's tablet.", ["f-rv"], 2, "RV", 2900, 6, 4),
    ("visualiseur", "visualiseurs", "Visualiseur USB", "Caméra de document pour projeter un cahier, un objet ou une expérience.", "Document camera to project a notebook, an object or an experiment.", [], 10, "VIS", 140, None, 12),
    ("videoprojecteur", "visualiseurs", "Vidéoprojecteur portable", "Projecteur lumineux et compact avec haut-parleur.", "Bright, compact projector with speaker.", [], 5, "VIS", 620, None, 4),
    ("ecran-interactif", "visualiseurs", "Écran interactif mobile 65 pouces", "Écran tactile sur pied roulant pour les salles sans équipement.", "Touch screen on a rolling stand for unequipped classrooms.", [], 2, "VIS", 3200, None, 8),
    ("microbit-30", "programmation", "Lot de 30 cartes micro:bit", "Trente cartes micro:bit avec piles, câbles et capteurs.", "Thirty micro:bit boards with batteries, cables and sensors.", ["f-microbit"], 4, "PRG", 690, 30, 8),
    ("makey-makey", "programmation", "Kit Makey Makey", "Transformer des objets du quotidien en touches de clavier.", "Turn everyday objects into keyboard keys.", [], 8, "PRG", 55, None, 8),
    ("kit-electronique", "programmation", "Kit d'électricité et d'électronique", "Circuits, lampes, moteurs et interrupteurs pour le cycle 3.", "Circuits, lamps, motors and switches for ages 9 to 11.", [], 6, "PRG", 130, None, 8),
    ("imprimante-3d", "impression3d", "Imprimante 3D Prusa MK4", "Imprimante 3D fermée avec bobines de PLA et logiciel de découpe.", "Enclosed 3D printer with PLA spools and slicing software.", ["f-impression3d"], 3, "I3D", 1100, None, 6),
    ("stylo-3d", "impression3d", "Lot de 6 stylos 3D", "Stylos 3D basse température, adaptés aux élèves.", "Low-temperature 3D pens suitable for pupils.", ["f-impression3d"], 4, "I3D", 240, 6, 6),
    ("microscope-numerique", "sciences", "Microscope numérique USB", "Microscope à brancher sur un ordinateur ou un visualiseur.", "Microscope to plug into a computer or a document camera.", [], 8, "SCI", 150, None, 8),
    ("station-meteo", "sciences", "Station météo connectée", "Station de mesures à installer dans la cour, données sur tablette.", "Weather station for the playground, data on a tablet.", [], 4, "SCI", 230, None, 12),
    ("loupes-numeriques", "sciences", "Lot de 8 loupes numériques", "Loupes à écran pour observer insectes et plantes.", "Screen magnifiers to observe insects and plants.", [], 4, "SCI", 320, 8, 8),
    ("capteurs-sciences", "sciences", "Valise de capteurs scientifiques", "Capteurs de température, son, lumière et CO₂ reliés aux tablettes.", "Temperature, sound, light and CO₂ sensors linked to tablets.", [], 3, "SCI", 540, None, 8),
]

# English model names, by id (a product's proper name stays the same).
ENGLISH_NAMES = {
    "ipad-valise-16": "Case of 16 iPads (10th generation)",
    "tablette-android-8": "Case of 8 Android tablets",
    "ipad-individuel": "Single iPad with stylus",
    "liseuse-6": "Set of 6 e-readers",
    "thymio": "Thymio II robot",
    "bluebot": "Blue-Bot robot",
    "lego-spike": "Lego Education Spike Prime",
    "mbot": "mBot 2 robot",
    "beebot-tapis": "Bee-Bot mats and cards",
    "enregistreur-zoom": "Zoom H1n recorder",
    "valise-radio": "School radio case",
    "casques-audio-10": "Set of 10 headphones",
    "micro-usb": "USB podcast microphone",
    "camera-sport": "Action camera",
    "kit-stop-motion": "Stop-motion animation kit",
    "fond-vert": "Portable green screen",
    "appareil-photo": "Compact digital camera",
    "casque-rv": "Standalone virtual reality headset",
    "valise-rv-6": "Case of 6 VR headsets",
    "visualiseur": "USB document camera",
    "videoprojecteur": "Portable projector",
    "ecran-interactif": "Mobile 65-inch interactive screen",
    "microbit-30": "Set of 30 micro:bit boards",
    "makey-makey": "Makey Makey kit",
    "kit-electronique": "Electricity and electronics kit",
    "imprimante-3d": "Prusa MK4 3D printer",
    "stylo-3d": "Set of 6 3D pens",
    "microscope-numerique": "USB digital microscope",
    "station-meteo": "Connected weather station",
    "loupes-numeriques": "Set of 8 digital magnifiers",
    "capteurs-sciences": "Case of science sensors",
}

# Saint-Étienne Métropole communes (academy of Lyon, school holiday zone A).
COMMUNES = [
    ("saint-etienne", "Saint-Étienne"),
    ("saint-chamond", "Saint-Chamond"),
    ("firminy", "Firminy"),
    ("rive-de-gier", "Rive-de-Gier"),
    ("roche-la-moliere", "Roche-la-Molière"),
    ("andrezieux-boutheon", "Andrézieux-Bouthéon"),
    ("sorbiers", "Sorbiers"),
    ("villars", "Villars"),
]

SCHOOLS = [
    ("saint-etienne", ["École élémentaire Monge", "École primaire Jules Ferry", "École maternelle Tardy", "École élémentaire Jacquard", "École primaire Chappe", "École élémentaire Le Soleil"]),
    ("saint-chamond", ["École primaire Lamartine", "École élémentaire Jean Macé", "École maternelle Fonsala"]),
    ("firminy", ["École élémentaire Waldeck-Rousseau", "École primaire Le Corbusier"]),
    ("rive-de-gier", ["École primaire Pasteur", "École élémentaire Jean Moulin"]),
    ("roche-la-moliere", ["École primaire Victor Hugo", "École maternelle Beaulieu"]),
    ("andrezieux-boutheon", ["École élémentaire Jean Rostand", "École primaire Les Bullieux"]),
    ("sorbiers", ["École primaire du Valjoly", "École élémentaire Jacques Prévert"]),
    ("villars", ["École primaire Louis Pergaud", "École élémentaire Marie Curie", "Unité d'enseignement Les Hirondelles (ULIS)"]),
]

# Training sessions of the 2026-2027 school year (dates are school days outside holidays).
SESSIONS = [
    ("f-robotique", [("2026-12-02", "Atelier Canopé, Saint-Étienne"), ("2027-01-13", "Atelier Canopé, Saint-Étienne"), ("2027-03-10", "Médiathèque, Firminy")]),
    ("f-tablettes", [("2026-12-09", "Atelier Canopé, Saint-Étienne"), ("2027-02-03", "École Lamartine, Saint-Chamond")]),
    ("f-rv", [("2026-12-16", "Planétarium, Saint-Étienne"), ("2027-03-17", "Planétarium, Saint-Étienne")]),
    ("f-impression3d", [("2027-01-20", "Fablab Openfactory, Saint-Étienne"), ("2027-04-07", "Fablab Openfactory, Saint-Étienne")]),
    ("f-radio", [("2026-12-03", "Radio Dio, Saint-Étienne"), ("2027-02-04", "Radio Dio, Saint-Étienne")]),
    ("f-microbit", [("2026-12-10", "Atelier Canopé, Saint-Étienne"), ("2027-01-27", "Collège Jean Rostand, Andrézieux-Bouthéon")]),
]

AGREEMENT = {
    "version": "2026-09",
    "clauses": [
        ("Le matériel est prêté pour le projet et la période indiqués ; il reste la propriété de la métropole.", "The equipment is lent for the stated project and period; it remains the property of the metropolitan authority."),
        ("L'enseignant a suivi la formation requise avant la remise du matériel.", "The teacher has completed the required training before the equipment is handed over."),
        ("Le matériel est utilisé en classe sous la responsabilité de l'enseignant, rangé et rechargé après usage.", "The equipment is used in class under the teacher's responsibility, stored and charged after use."),
        ("Toute dégradation, perte ou tout vol est déclaré dans les 48 heures ; en cas de vol ou de perte, un récépissé de plainte est fourni dans le même délai.", "Any damage, loss or theft is declared within 48 hours; for theft or loss, a police report reference is provided within the same time."),
        ("La commune de l'école rembourse le matériel sinistré selon sa vétusté : 100 % la première année, puis 20 points de moins par an, rien au-delà de cinq ans.", "The school's commune reimburses damaged equipment according to its age: 100% in the first year, then 20 points less each year, nothing after five years."),
        ("Le matériel est rendu complet, à la date de fin de prêt, dans l'état où il a été remis.", "The equipment is returned complete, on the last day of the loan, in the condition it was handed over."),
    ],
}

# Other teachers' bookings, shown to everyone without names (anonymous occupancy).
OCCUPANCY = [
    ("occ-1", [("bluebot", 12)], "2026-12-01", "2027-01-22", "confirmed"),
    ("occ-2", [("thymio", 8)], "2027-01-11", "2027-02-05", "requested"),
    ("occ-3", [("ipad-valise-16", 4)], "2026-11-30", "2026-12-18", "confirmed"),
    ("occ-4", [("casque-rv", 6)], "2027-01-18", "2027-02-05", "confirmed"),
    ("occ-5", [("enregistreur-zoom", 5), ("micro-usb", 4)], "2026-12-07", "2027-01-15", "requested"),
    ("occ-6", [("microscope-numerique", 6)], "2027-03-01", "2027-03-26", "confirmed"),
    ("occ-7", [("camera-sport", 4), ("fond-vert", 1)], "2026-11-30", "2026-12-11", "confirmed"),
    # 8 of the 9 LEGO Spike sets in service: the demo itself keeps rule R1.
    ("occ-8", [("lego-spike", 8)], "2027-02-22", "2027-03-19", "requested"),
]

CONDITIONS = ["new", "good", "good", "good", "worn", "good", "good", "worn"]


def main():
    label_counters = {}
    units = []
    models = []
    for index, (mid, cat, name, fr, en, trainings, count, prefix, value, kit, weeks) in enumerate(MODELS):
        models.append({
            "id": mid,
            "category": cat,
            "name": {"fr": name, "en": ENGLISH_NAMES[mid]},
            "description": {"fr": fr, "en": en},
            "required_trainings": trainings,
            "max_loan_weeks": weeks,
        })
        for n in range(count):
            label_counters[prefix] = label_counters.get(prefix, 0) + 1
            year = 2019 + (index + n) % 7
            month = 1 + (index * 3 + n) % 12
            unit = {
                "label": f"SEM-{prefix}-{label_counters[prefix]:04d}",
                "model": mid,
                "acquired": f"{year}-{month:02d}-{1 + n % 27:02d}",
                "replacement_value_cents": value * 100,
                "condition": CONDITIONS[(index + n) % len(CONDITIONS)] if year < 2025 else "new",
                # One unit in nineteen is out of service (awaiting repair or retired).
                "in_service": (index * 7 + n) % 19 != 5,
            }
            if kit:
                unit["kit_size"] = kit
            units.append(unit)
    communes = [{"id": i, "name": n} for i, n in COMMUNES]
    schools = []
    for commune, names in SCHOOLS:
        for name in names:
            slug = "".join(c if c.isalnum() else "-" for c in name.lower().replace("é", "e").replace("è", "e").replace("'", "-"))
            schools.append({"id": f"{commune}--{slug}".replace("--", "-").strip("-"), "name": name, "commune": commune})
    sessions = []
    for training, dates in SESSIONS:
        for n, (date, place) in enumerate(dates, start=1):
            sessions.append({
                "id": f"s-{training[2:]}-{n}",
                "training": training,
                "start": date,
                "end": date,
                "place": place,
                "capacity": 16,
            })
    document = {
        "format": "materiotheque/catalogue",
        "schema_version": 2,
        "exported_at": "2026-09-01T08:00:00Z",
        "catalogue": {
            "categories": [{"id": i, "name": {"fr": fr, "en": en}} for i, fr, en in CATEGORIES],
            "models": models,
            "units": units,
            "trainings": [
                {"id": i, "name": {"fr": fr, "en": en}, **({"validity_years": v} if v else {})}
                for i, fr, en, v in TRAININGS
            ],
        },
        "communes": communes,
        "schools": schools,
        "sessions": sessions,
        "agreement": {
            "version": AGREEMENT["version"],
            "clauses": [{"fr": fr, "en": en} for fr, en in AGREEMENT["clauses"]],
        },
        # Published occupancy names no booking: ids of other people's bookings say nothing to a
        # teacher (only minted ids, never personal, are published; the demo has none).
        "occupancy": [
            {"lines": [{"model": m, "quantity": q} for m, q in lines], "start": s, "end": e, "status": st}
            for _, lines, s, e, st in OCCUPANCY
        ],
        # Shown as demonstration data wherever it appears.
        "demo": True,
    }
    out = pathlib.Path(__file__).resolve().parent.parent / "src" / "demo" / "catalogue.json"
    out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(CATEGORIES)} categories, {len(models)} models, {len(units)} units, {len(TRAININGS)} trainings, "
        f"{len(sessions)} sessions, {len(schools)} schools in {len(communes)} communes"
    )


if __name__ == "__main__":
    main()
