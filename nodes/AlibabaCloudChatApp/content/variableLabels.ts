import type { IDataObject } from 'n8n-workflow';

import { mediaHeaderVariable, templateComponents, variablesIn } from './templates';

function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

function add(places: Map<string, string[]>, texts: string[], place: string): void {
	for (const name of texts.flatMap(variablesIn)) {
		const list = places.get(name) ?? [];
		if (!list.includes(place)) list.push(place);
		places.set(name, list);
	}
}

function buttonPlace(button: IDataObject, index: number): string {
	const text = button.Text ?? button.text;
	return text ? `button ${index + 1} "${String(text)}"` : `button ${index + 1}`;
}

/**
 * Where each `$(variable)` of a template sits: "header", "body", `button 1 "Track order"`,
 * "card 2"… A variable used in several places names them all; the media header's link says so.
 */
export function variablePlaces(detail: IDataObject): Map<string, string[]> {
	const places = new Map<string, string[]>();
	const media = mediaHeaderVariable(detail);
	for (const component of templateComponents(detail)) {
		const type = String(component.Type ?? component.type ?? '').toLowerCase();
		if (type === 'buttons') {
			const buttons = (component.Buttons ?? component.buttons ?? []) as IDataObject[];
			buttons.forEach((button, index) => add(places, strings(button), buttonPlace(button, index)));
		} else if (type === 'carousel') {
			const cards = (component.Cards ?? component.cards ?? []) as IDataObject[];
			cards.forEach((card, index) => add(places, strings(card), `card ${index + 1}`));
		} else {
			add(places, strings(component), type || 'component');
		}
	}
	if (media && places.has(media)) places.set(media, ['header media link']);
	return places;
}

/** The mapper label of a variable: its name and where it is used. */
export function variableLabel(name: string, places: Map<string, string[]>): string {
	const where = places.get(name);
	return where?.length ? `${name} (${where.join(', ')})` : name;
}
