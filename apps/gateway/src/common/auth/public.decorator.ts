import { SetMetadata } from '@nestjs/common';

export const PUBLIC_OPERATION = 'roost:public-operation';

/** The only way to opt a root field out of authentication (today: `login`). */
export const Public = (): MethodDecorator => SetMetadata(PUBLIC_OPERATION, true);
